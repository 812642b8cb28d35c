package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FacetCountsTest {

  private static Document doc(String category, String... languages) {
    Document doc = new Document();
    if (category != null) {
      doc.add(new SortedSetDocValuesField(Fields.CATEGORY, new BytesRef(category)));
    }
    for (String language : languages) {
      doc.add(new SortedSetDocValuesField(Fields.LANGUAGE, new BytesRef(language)));
    }
    return doc;
  }

  @Test
  void counts_everyValueOfEveryMatch_acrossSegments_andDropsTablesWhenSegmentsClose()
      throws Exception {
    FacetCounts.Tables tables = new FacetCounts.Tables();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.addDocument(doc("walking", "en", "pl"));
      writer.addDocument(doc("walking", "en"));
      writer.commit(); // a second segment follows
      writer.addDocument(doc(null, "ur"));
      writer.addDocument(doc("gardening_nature"));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertThat(reader.leaves()).hasSize(2);
        Map<String, Map<String, Long>> counts =
            new IndexSearcher(reader, null)
                .search(new MatchAllDocsQuery(), new FacetCounts(tables));
        assertThat(counts.get(Fields.CATEGORY))
            .containsExactlyInAnyOrderEntriesOf(Map.of("walking", 2L, "gardening_nature", 1L));
        assertThat(counts.get(Fields.LANGUAGE))
            .containsExactlyInAnyOrderEntriesOf(Map.of("en", 2L, "pl", 1L, "ur", 1L));
        assertThat(counts.get(Fields.COST)).isEmpty();
        assertThat(tables.size()).isEqualTo(2);

        // Searched again, the tables are reused and the counts are the same.
        assertThat(
                new IndexSearcher(reader, null)
                    .search(new MatchAllDocsQuery(), new FacetCounts(tables)))
            .isEqualTo(counts);
        assertThat(tables.size()).isEqualTo(2);
      }
      writer.forceMerge(1);
      writer.commit();
      // The merged-away segments' cores close with the last reader on them.
      try (DirectoryReader merged = DirectoryReader.open(dir)) {
        new IndexSearcher(merged, null).search(new MatchAllDocsQuery(), new FacetCounts(tables));
        assertThat(merged.leaves()).hasSize(1);
        assertThat(tables.size()).isEqualTo(1);
      }
      assertThat(tables.size()).isZero();
    }
  }

  @Test
  void emptyQuery_countsNothing_butListsEveryFacet() throws Exception {
    FacetCounts.Tables tables = new FacetCounts.Tables();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.addDocument(doc("walking", "en"));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Map<String, Map<String, Long>> counts =
            new IndexSearcher(reader, null)
                .search(new org.apache.lucene.search.MatchNoDocsQuery(), new FacetCounts(tables));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(Fields.FACETS);
        assertThat(counts.values()).allSatisfy(values -> assertThat(values).isEmpty());
        assertThat(List.copyOf(counts.keySet())).hasSize(Fields.FACETS.size());
      }
    }
  }
}
