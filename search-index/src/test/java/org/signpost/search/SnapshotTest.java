package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  private static final byte[] KEY = "a-cursor-key-for-tests".getBytes();

  private static SearchIndex corpusIndex() {
    SearchIndex index = new SearchIndex(Synonyms.bundled(), KEY);
    index.applyAll(Corpus.LISTINGS);
    index.refresh();
    return index;
  }

  private static SearchQuery text(String q) {
    return new SearchQuery(
        q, SearchFilters.NONE, null, null, SearchQuery.SortOrder.RELEVANCE, 20, null, null);
  }

  @Test
  void snapshot_opensToTheSameIndex_withItsHighWaterMark() throws Exception {
    try (SearchIndex original = corpusIndex()) {
      byte[] snapshot = original.snapshot("2026-12-01T10:00:00.000Z#l-9");

      SearchIndex.Loaded loaded = SearchIndex.fromSnapshot(snapshot, Synonyms.bundled(), KEY);
      try (SearchIndex copy = loaded.index()) {
        assertThat(loaded.highWater()).isEqualTo("2026-12-01T10:00:00.000Z#l-9");
        assertThat(copy.size()).isEqualTo(original.size());
        for (String q : List.of("english", "walking group", "lonely", "befreinding")) {
          assertThat(ids(copy.search(text(q)))).isEqualTo(ids(original.search(text(q))));
        }
        assertThat(copy.suggest("eng")).isEqualTo(original.suggest("eng"));
      }
    }
  }

  @Test
  void openedSnapshot_remembersVersions_soOlderChangesAreIgnored() throws Exception {
    IndexedListing first = Corpus.LISTINGS.get(0);
    try (SearchIndex original = corpusIndex()) {
      SearchIndex.Loaded loaded =
          SearchIndex.fromSnapshot(original.snapshot(""), Synonyms.bundled(), KEY);
      try (SearchIndex copy = loaded.index()) {
        assertThat(copy.apply(first)).isFalse();
        assertThat(
                copy.apply(
                    new IndexedListing(
                        first.id(),
                        first.version() + 1,
                        false,
                        first.kind(),
                        first.name(),
                        first.summary(),
                        first.description(),
                        first.categories(),
                        first.needs(),
                        first.points(),
                        first.delivery(),
                        first.languages(),
                        first.accessibility(),
                        first.costType(),
                        null,
                        null,
                        false,
                        false,
                        false,
                        first.organisationId(),
                        first.organisationName(),
                        null,
                        null,
                        List.of())))
            .isTrue();
        copy.refresh();
        assertThat(copy.size()).isEqualTo(original.size() - 1);
      }
    }
  }

  @Test
  void damagedOrPartialSnapshots_areRefusedBeforeUse() throws Exception {
    try (SearchIndex original = corpusIndex()) {
      byte[] snapshot = original.snapshot("");
      byte[] damaged = snapshot.clone();
      damaged[damaged.length / 2] ^= 0x5a;
      byte[] partial = Arrays.copyOf(snapshot, snapshot.length / 3);

      assertThatThrownBy(() -> SearchIndex.fromSnapshot(damaged, Synonyms.bundled(), KEY))
          .isInstanceOf(InvalidSnapshotException.class)
          .hasMessageContaining("checksum");
      assertThatThrownBy(() -> SearchIndex.fromSnapshot(partial, Synonyms.bundled(), KEY))
          .isInstanceOf(InvalidSnapshotException.class);
      assertThatThrownBy(() -> SearchIndex.fromSnapshot(new byte[3], Synonyms.bundled(), KEY))
          .isInstanceOf(InvalidSnapshotException.class);
    }
  }

  /** A one-file body under {@code magic}, as an older or newer build would write it. */
  private static byte[] body(String magic) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeUTF(magic);
    out.writeUTF("");
    out.writeInt(1);
    out.writeUTF("segments_1");
    out.writeLong(0);
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void snapshotOfAnotherSchemaVersion_isRefused_evenWithAGoodChecksum() throws Exception {
    byte[] body = body("SIGNPOST-SNAPSHOT-2/schema-1");
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    byte[] older = Arrays.copyOf(body, body.length + Integer.BYTES);
    java.nio.ByteBuffer.wrap(older, body.length, Integer.BYTES).putInt((int) crc.getValue());

    assertThatThrownBy(() -> SearchIndex.fromSnapshot(older, Synonyms.bundled(), KEY))
        .isInstanceOf(InvalidSnapshotException.class)
        .hasMessageContaining("schema");
  }

  @Test
  void snapshotInTheFirstFormat_withItsSha256_isRefused() throws Exception {
    byte[] body = body("SIGNPOST-SNAPSHOT-1/schema-3");
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
    byte[] first = Arrays.copyOf(body, body.length + digest.length);
    System.arraycopy(digest, 0, first, body.length, digest.length);

    assertThatThrownBy(() -> SearchIndex.fromSnapshot(first, Synonyms.bundled(), KEY))
        .isInstanceOf(InvalidSnapshotException.class);
  }

  @Test
  void snapshot_carriesVectors_soTheSemanticLegWorksWithoutReEmbedding() throws Exception {
    byte[] axis = new byte[8];
    axis[2] = 127;
    SearchIndex original = new SearchIndex(Synonyms.bundled(), KEY);
    original.apply(
        RelevanceFeaturesTest.listing("tea", "Tea and Chat", "A cuppa.", "Drop in.")
            .withExtras(new IndexedListing.Extras(null, List.of(), null, List.of(), axis)));
    original.refresh();
    try (original;
        SearchIndex copy =
            SearchIndex.fromSnapshot(original.snapshot(""), Synonyms.bundled(), KEY).index()) {
      SearchHits hits =
          copy.search(
              new SearchQuery(
                  "feeling isolated",
                  SearchFilters.NONE,
                  null,
                  null,
                  SearchQuery.SortOrder.RELEVANCE,
                  10,
                  null,
                  null,
                  axis));
      assertThat(ids(hits)).containsExactly("tea");
    }
  }

  private static List<String> ids(SearchHits hits) {
    return hits.hits().stream().map(SearchHits.Hit::id).toList();
  }
}
