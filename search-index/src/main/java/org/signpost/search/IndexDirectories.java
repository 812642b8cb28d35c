package org.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.MMapDirectory;

/**
 * Where an index keeps its files: memory-mapped files in a private temporary directory (a
 * function's {@code /tmp}), removed when the index closes or the JVM exits. Mapped files let the
 * vector search score listings' vectors where they lie instead of copying each one onto the heap,
 * and keep the index off the heap. Set {@code signpost.index.directory=heap} to hold it on the heap
 * instead, for a runtime without a writable temporary directory.
 */
final class IndexDirectories {
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> OPEN.forEach(IndexDirectories::remove), "index-cleanup"));
  }

  private IndexDirectories() {}

  /** A new, empty directory for one index. */
  static Directory create() {
    if ("heap".equals(System.getProperty("signpost.index.directory"))) {
      return new ByteBuffersDirectory();
    }
    try {
      Path path = Files.createTempDirectory("signpost-index-");
      OPEN.add(path);
      return new FilterDirectory(new MMapDirectory(path)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            OPEN.remove(path);
            remove(path);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a directory for the index", e);
    }
  }

  private static void remove(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left for the operating system's temporary-file cleanup.
    }
  }
}
