// Starts s3rver (an S3-API server) on loopback and prints "LISTENING <port>" once it is ready.
// Usage: node s3rver-server.js --dir DIR [--port N] [--bucket NAME]...   (port 0 or absent = free)
'use strict';
const fs = require('fs');
const S3rver = require('s3rver');

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}
const buckets = [];
args.forEach((arg, i) => {
  if (arg === '--bucket' && i + 1 < args.length) buckets.push({ name: args[i + 1] });
});
const directory = option('--dir', null);
if (!directory) {
  console.error('--dir is required');
  process.exit(2);
}
fs.mkdirSync(directory, { recursive: true });

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(option('--port', '0')),
  directory,
  silent: true,
  configureBuckets: buckets,
});
server.run().then(
  (address) => console.log('LISTENING ' + address.port),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

// Stop with the parent: when stdin closes, the JVM that started us has gone.
const stop = () => server.close().then(() => process.exit(0), () => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
