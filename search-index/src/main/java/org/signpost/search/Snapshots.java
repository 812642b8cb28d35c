package org.signpost.search;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.zip.CRC32C;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The snapshot format: every file of one Lucene commit, the change-log high-water mark the commit
 * covers, and a CRC-32C of all of it at the end, so a truncated or damaged snapshot is refused
 * before any of it is used. Stateless.
 *
 * <p>The check is against accident (a partial upload, a damaged copy), not tampering: snapshots sit
 * in the deployment's private bucket. CRC-32C is what S3 and most storage use for that, and it runs
 * at memory speed in a JVM that has compiled nothing yet: SHA-256 took 45 ms of a 10k-listing cold
 * start (7 MB) and would take about 450 ms at 100k.
 *
 * <pre>
 * MAGIC (format and schema version) | highWater (UTF) | fileCount (int) | {name (UTF), length (long), bytes}* | crc32c (int)
 * </pre>
 */
final class Snapshots {
  /**
   * The format and the index schema: bump the number whenever fields or their analysis change, so
   * an environment running other code refuses the snapshot and rebuilds from the table.
   */
  static final String MAGIC = "SIGNPOST-SNAPSHOT-2/schema-3";

  private static final int DIGEST_BYTES = Integer.BYTES;

  private Snapshots() {}

  static byte[] write(Directory directory, Collection<String> files, String highWater)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF(MAGIC);
    out.writeUTF(highWater == null ? "" : highWater);
    out.writeInt(files.size());
    byte[] buffer = new byte[1 << 16];
    for (String name : files) {
      try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
        long length = in.length();
        out.writeUTF(name);
        out.writeLong(length);
        long left = length;
        while (left > 0) {
          int chunk = (int) Math.min(buffer.length, left);
          in.readBytes(buffer, 0, chunk);
          out.write(buffer, 0, chunk);
          left -= chunk;
        }
      }
    }
    out.flush();
    byte[] body = bytes.toByteArray();
    byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
    ByteBuffer.wrap(all, body.length, DIGEST_BYTES).putInt(crc32c(body, body.length));
    return all;
  }

  /**
   * Checks the digest, then copies the files into {@code directory}.
   *
   * @return the high-water mark the snapshot covers
   * @throws InvalidSnapshotException if the snapshot is damaged, truncated or of another format
   */
  static String read(byte[] snapshot, Directory directory) {
    if (snapshot == null || snapshot.length < DIGEST_BYTES + MAGIC.length()) {
      throw new InvalidSnapshotException("snapshot is too short to be one");
    }
    int bodyLength = snapshot.length - DIGEST_BYTES;
    int expected = ByteBuffer.wrap(snapshot, bodyLength, DIGEST_BYTES).getInt();
    if (expected != crc32c(snapshot, bodyLength)) {
      throw new InvalidSnapshotException("snapshot checksum does not match: damaged or partial");
    }
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(snapshot, 0, bodyLength))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new InvalidSnapshotException(
            "not a snapshot of this index schema (" + MAGIC + "): rebuilding from the table");
      }
      String highWater = in.readUTF();
      int count = in.readInt();
      if (count < 1 || count > 10_000) {
        throw new InvalidSnapshotException("snapshot lists " + count + " files");
      }
      byte[] buffer = new byte[1 << 16];
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long length = in.readLong();
        if (length < 0 || length > bodyLength) {
          throw new InvalidSnapshotException("snapshot file " + name + " has a bad length");
        }
        try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
          long left = length;
          while (left > 0) {
            int chunk = (int) Math.min(buffer.length, left);
            in.readFully(buffer, 0, chunk);
            out.writeBytes(buffer, 0, chunk);
            left -= chunk;
          }
        }
      }
      if (in.available() != 0) {
        throw new InvalidSnapshotException("snapshot has trailing bytes");
      }
      return highWater;
    } catch (java.io.EOFException e) {
      throw new InvalidSnapshotException("snapshot ends early");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the snapshot", e);
    }
  }

  private static int crc32c(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** SHA-256 of the first {@code length} bytes: fingerprints queries for cursors. */
  static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
