package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

class IndexDirectoriesTest {

  @Test
  void anIndexDirectory_isAPrivateMappedFolder_removedWithItsFilesOnClose() throws Exception {
    Directory directory = IndexDirectories.create();
    Directory inner = FilterDirectory.unwrap(directory);
    assertThat(inner).isInstanceOf(FSDirectory.class);
    Path path = ((FSDirectory) inner).getDirectory();
    assertThat(path.getFileName().toString()).startsWith("signpost-index-");
    try (IndexOutput out = directory.createOutput("_0.test", IOContext.DEFAULT)) {
      out.writeInt(42);
    }
    assertThat(Files.exists(path.resolve("_0.test"))).isTrue();

    directory.close();

    assertThat(Files.exists(path)).isFalse();
  }

  @Test
  void twoIndexes_neverShareAFolder() throws Exception {
    try (Directory a = IndexDirectories.create();
        Directory b = IndexDirectories.create()) {
      assertThat(((FSDirectory) FilterDirectory.unwrap(a)).getDirectory())
          .isNotEqualTo(((FSDirectory) FilterDirectory.unwrap(b)).getDirectory());
    }
  }

  @Test
  void heapSetting_keepsTheIndexOnTheHeap() throws Exception {
    System.setProperty("signpost.index.directory", "heap");
    try (Directory directory = IndexDirectories.create()) {
      assertThat(directory).isInstanceOf(ByteBuffersDirectory.class);
    } finally {
      System.clearProperty("signpost.index.directory");
    }
  }
}
