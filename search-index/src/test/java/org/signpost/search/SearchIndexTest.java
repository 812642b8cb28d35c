package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchIndexTest {
  private static final GeoPoint SPARKHILL = new GeoPoint(52.4569, -1.8721);
  private SearchIndex index;

  @BeforeEach
  void buildIndex() {
    index = new SearchIndex();
    index.applyAll(
        List.of(
            listing(
                "a", 1, "English Conversation Cafe", List.of("english_language"), 52.4569, -1.8721),
            listing("b", 1, "Women's Walking Group", List.of("walking"), 52.4700, -1.8900),
            listing(
                "c", 1, "Allotment Gardening Club", List.of("gardening_nature"), 52.4400, -1.9300),
            listing(
                "d",
                1,
                "English Classes for Beginners",
                List.of("english_language"),
                52.5200,
                -1.9000)));
    index.refresh();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void search_findsListing_byStemmedWordFromItsName() {
    SearchHits hits = index.search(new SearchQuery("gardens", List.of(), null, null, 10, null));

    assertThat(hits.hits()).extracting(SearchHits.Hit::id).containsExactly("c");
    assertThat(hits.hits().get(0).distanceKm()).isNull();
  }

  @Test
  void search_filtersByRadius_andReportsDistance() {
    SearchHits hits = index.search(new SearchQuery("english", List.of(), SPARKHILL, 5.0, 10, null));

    assertThat(hits.hits()).extracting(SearchHits.Hit::id).containsExactly("a");
    assertThat(hits.hits().get(0).distanceKm()).isEqualTo(0.0);
  }

  @Test
  void search_sortsByDistance_whenOnlyAPointIsGiven() {
    SearchHits hits = index.search(new SearchQuery("", List.of(), SPARKHILL, 50.0, 10, null));

    assertThat(hits.hits()).extracting(SearchHits.Hit::id).containsExactly("a", "b", "c", "d");
    assertThat(hits.hits().get(1).distanceKm()).isBetween(1.8, 2.2);
  }

  @Test
  void search_filtersByCategory() {
    SearchHits hits =
        index.search(new SearchQuery("", List.of("english_language"), null, null, 10, null));

    assertThat(hits.hits()).extracting(SearchHits.Hit::id).containsExactlyInAnyOrder("a", "d");
    assertThat(hits.total()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"english", "name:english", "(english", "english)", "[english", "eng*", "*", "?", "~",
        "AND OR NOT", "\\", "english^3", "{}", "/regex/", "((((", "a:b:c", "🙂 english", "إنجليزي"
      })
  void search_neverFailsOnQuerySyntax(String hostile) {
    SearchHits hits = index.search(new SearchQuery(hostile, List.of(), null, null, 10, null));

    assertThat(hits.hits()).allSatisfy(hit -> assertThat(hit.id()).isIn("a", "b", "c", "d"));
  }

  @Test
  void apply_ignoresOlderVersions_andRemovesUnsearchableListings() {
    index.apply(listing("c", 3, "Community Orchard", List.of("gardening_nature"), 52.44, -1.93));
    index.apply(listing("c", 2, "Stale Name", List.of("gardening_nature"), 52.44, -1.93));
    index.refresh();
    assertThat(index.search(new SearchQuery("orchard", List.of(), null, null, 10, null)).total())
        .isEqualTo(1);
    assertThat(index.search(new SearchQuery("stale", List.of(), null, null, 10, null)).total())
        .isZero();

    index.apply(unsearchable("c", 4));
    index.refresh();
    assertThat(index.search(new SearchQuery("orchard", List.of(), null, null, 10, null)).total())
        .isZero();
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void search_pagesWithCursor_withoutDuplicatesOrGaps() {
    SearchHits first = index.search(new SearchQuery("", List.of(), SPARKHILL, null, 3, null));
    SearchHits second =
        index.search(new SearchQuery("", List.of(), SPARKHILL, null, 3, first.nextCursor()));

    assertThat(first.hits()).extracting(SearchHits.Hit::id).containsExactly("a", "b", "c");
    assertThat(second.hits()).extracting(SearchHits.Hit::id).containsExactly("d");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void search_rejectsMalformedCursor() {
    assertThatThrownBy(
            () -> index.search(new SearchQuery("", List.of(), null, null, 3, "not*a*cursor")))
        .isInstanceOf(InvalidCursorException.class);
  }

  private static IndexedListing listing(
      String id, long version, String name, List<String> categories, double lat, double lon) {
    return new IndexedListing(
        id,
        version,
        true,
        "activity",
        name,
        name + " summary",
        "A friendly group.",
        categories,
        List.of(),
        List.of(new GeoPoint(lat, lon)),
        List.of("in_person"),
        List.of("en"),
        List.of(),
        "free",
        null,
        null,
        false,
        false,
        false,
        "org-1",
        "Org One",
        "2026-10-01",
        null,
        List.of());
  }

  private static IndexedListing unsearchable(String id, long version) {
    return new IndexedListing(
        id,
        version,
        false,
        "activity",
        "",
        "",
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        false,
        false,
        false,
        "org-1",
        "",
        null,
        null,
        List.of());
  }
}
