package org.signpost.core.search;

import java.util.List;

/**
 * Port to where index snapshots are kept (S3 in AWS, s3rver locally). A snapshot is written whole
 * under a new key and never changed, so a reader sees either all of it or none; keys sort by the
 * change-log position they cover, then by when they were written. Implementations are thread-safe.
 */
public interface IndexSnapshots {

  /** No snapshot store: every environment builds its index from a scan. */
  IndexSnapshots NONE =
      new IndexSnapshots() {
        @Override
        public List<String> newestFirst() {
          return List.of();
        }

        @Override
        public byte[] read(String key) {
          throw new IllegalStateException("no snapshot store");
        }

        @Override
        public void write(String key, byte[] snapshot) {
          throw new IllegalStateException("no snapshot store");
        }

        @Override
        public void delete(String key) {}
      };

  /** Every snapshot's key, newest first. */
  List<String> newestFirst();

  byte[] read(String key);

  void write(String key, byte[] snapshot);

  void delete(String key);
}
