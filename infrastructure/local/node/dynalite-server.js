// Starts dynalite (a DynamoDB-API server) on loopback and prints "LISTENING <port>" once it is ready.
// Usage: node dynalite-server.js [--port N] [--path DIR]   (port 0 or absent = a free port)
'use strict';
const dynalite = require('dynalite');

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
const path = option('--path', null);
if (path) options.path = path;

const server = dynalite(options);
server.listen(Number(option('--port', '0')), '127.0.0.1', (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log('LISTENING ' + server.address().port);
});

// Stop with the parent: when stdin closes, the JVM that started us has gone.
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
