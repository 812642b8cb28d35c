package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Analysis and ranking over the checked-in corpus: synonyms, typos, needs, staleness. */
class CorpusSearchTest {
  static final GeoPoint SPARKHILL = new GeoPoint(52.4569, -1.8721);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static SearchIndex index;

  @BeforeAll
  static void build() {
    index = Corpus.index();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static SearchQuery text(String q) {
    return new SearchQuery(
        q, SearchFilters.NONE, null, null, SearchQuery.SortOrder.RELEVANCE, 20, null, TODAY);
  }

  static List<String> ids(SearchHits hits) {
    return hits.hits().stream().map(SearchHits.Hit::id).toList();
  }

  @Test
  void synonyms_findEnglishConversation_forEsol() {
    SearchHits hits = index.search(text("esol"));

    assertThat(ids(hits)).containsExactly("a-esol", "a-english-cafe");
    assertThat(hits.hits().get(1).why()).contains("matched a synonym of \"esol\"");
  }

  @Test
  void synonyms_findBefriending_forLonely() {
    SearchHits hits = index.search(text("lonely"));

    // "company" is in the same synonym group, and the lunch club promises good company; listings
    // filed under the befriending category follow, matched by the category's label alone.
    assertThat(ids(hits)).startsWith("a-phone-friends", "a-lunch");
    assertThat(ids(hits).subList(2, ids(hits).size()))
        .isNotEmpty()
        .allSatisfy(
            id ->
                assertThat(Corpus.LISTINGS.stream().filter(l -> l.id().equals(id)).findFirst())
                    .hasValueSatisfying(l -> assertThat(l.categories()).contains("befriending")));
  }

  @Test
  void synonyms_doNotApplyWhenTheWordIsAbsent() throws Exception {
    // A group whose members are both in the index: "pottery" belongs to no group, so it must not
    // bring in the listings that only a synonym expansion could reach.
    try (SearchIndex small =
        new SearchIndex(Synonyms.parse("lonely, isolated\nknitting, crochet"))) {
      small.apply(
          RelevanceFeaturesTest.listing("isolated", "Feeling Isolated?", "Tea.", "Drop in."));
      small.apply(RelevanceFeaturesTest.listing("crochet", "Crochet Corner", "Yarn.", "Weekly."));
      small.apply(RelevanceFeaturesTest.listing("pottery", "Pottery Club", "Clay.", "Weekly."));
      small.refresh();

      assertThat(ids(small.search(text("pottery")))).containsExactly("pottery");
      // The same index does expand a word that is in a group.
      assertThat(ids(small.search(text("lonely")))).containsExactly("isolated");
      assertThat(ids(small.search(text("knitting")))).containsExactly("crochet");
    }
  }

  @Test
  void typos_matchWithinTwoEdits_onLongWords() {
    // Neither misspelling occurs in the corpus: only typo tolerance can find these.
    assertThat(ids(index.search(text("befreinding")))).containsExactly("a-phone-friends");
    assertThat(ids(index.search(text("allotmnet")))).containsExactly("a-allotment");
  }

  @Test
  void typos_matchWithinOneEdit_onMiddleLengthWords() {
    // "chiar" is in no listing, and "chair" in one: only a one-edit match can find it.
    assertThat(ids(index.search(text("chiar")))).containsExactly("a-chair-yoga");
    // Two edits on a five-letter word are too many.
    assertThat(index.search(text("chzzr")).total()).isZero();
  }

  @Test
  void typos_areNotTolerated_onShortWords() {
    assertThat(index.search(text("yga")).total()).isZero();
  }

  @Test
  void didYouMean_offersTheKnownSpelling_whenFewResults() {
    SearchHits hits = index.search(text("allotmnet"));

    assertThat(hits.didYouMean()).isEqualTo("allotment");
    assertThat(index.search(text("allotment")).didYouMean()).isNull();
  }

  @Test
  void fieldBoosts_rankNameAboveSummaryAboveDescription() throws Exception {
    // The same words in each listing, the same number in each field: only the field that holds
    // "macrame" differs. Without field weights the three would tie and come back in id order.
    try (SearchIndex small = new SearchIndex()) {
      small.apply(
          RelevanceFeaturesTest.listing(
              "in-name", "Macrame Circle", "Friday crafts group.", "Weekly, tea provided."));
      small.apply(
          RelevanceFeaturesTest.listing(
              "in-summary", "Friday Circle", "Macrame crafts group.", "Weekly, tea provided."));
      small.apply(
          RelevanceFeaturesTest.listing(
              "in-description", "Friday Circle", "Weekly crafts group.", "Macrame, tea provided."));
      small.refresh();

      assertThat(ids(small.search(text("macrame"))))
          .containsExactly("in-name", "in-summary", "in-description");
    }
  }

  @Test
  void stale_listingsAreDemoted_moreAfterAYear() {
    List<String> order =
        ids(index.search(text("walking group"))).stream()
            .filter(id -> id.startsWith("a-walk-"))
            .toList();

    assertThat(order).containsExactly("a-walk-fresh", "a-walk-stale", "a-walk-ancient");
  }

  @Test
  void ranking_isDeterministic_withIdTieBreak() {
    SearchQuery all =
        new SearchQuery(
            "", SearchFilters.NONE, null, null, SearchQuery.SortOrder.RELEVANCE, 100, null, null);

    List<String> first = ids(index.search(all));
    assertThat(ids(index.search(all))).isEqualTo(first);
    assertThat(first).isSorted();
  }

  @Test
  void need_matchesDirectlyAndThroughCategories_andSaysWhich() {
    SearchFilters filters =
        new SearchFilters(
            List.of("learning_english"),
            List.of(),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            false,
            false,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            false);
    SearchHits hits = index.search(text("").withFilters(filters));

    assertThat(ids(hits))
        .contains("a-english-cafe", "a-esol")
        .containsExactlyInAnyOrderElementsOf(
            Corpus.LISTINGS.stream()
                .filter(l -> l.needs().contains("learning_english"))
                .map(IndexedListing::id)
                .toList());
    assertThat(hit(hits, "a-english-cafe").why()).contains("need: learning_english");
    assertThat(hit(hits, "a-esol").why()).contains("need: learning_english (via its categories)");
    assertThat(hits.facets().get("need")).containsEntry("learning_english", hits.total());
  }

  @Test
  void suggest_completesNamesAndVocabulary_byWordPrefix() {
    assertThat(index.suggest("knit")).anyMatch(s -> s.equalsIgnoreCase("knit and natter"));
    assertThat(index.suggest("walking g"))
        .contains("Women's Walking Group", "Sparkhill Walking Group")
        .hasSizeLessThanOrEqualTo(8);
    assertThat(index.suggest("befriend")).contains("befriending");
    assertThat(index.suggest("")).isEmpty();
    assertThat(index.suggest("zzzq")).isEmpty();
  }

  @Test
  void openNow_honoursWeeklySessions_closures_validity_datedSessions_and24x7() {
    assertThat(ids(index.search(openAt("2026-12-01T10:30"))))
        .contains("a-english-cafe", "a-samaritans")
        .doesNotContain("a-chair-yoga");
    assertThat(ids(index.search(openAt("2026-11-28T11:00"))))
        .contains("a-orchard")
        .doesNotContain("a-allotment");
    assertThat(ids(index.search(openAt("2026-11-24T19:30")))).contains("a-choir");
    assertThat(ids(index.search(openAt("2026-12-01T19:30")))).doesNotContain("a-choir");
    assertThat(ids(index.search(openAt("2026-12-07T15:00")))).contains("a-knit");
    assertThat(ids(index.search(openAt("2026-12-14T15:00")))).doesNotContain("a-knit");
    assertThat(ids(index.search(openAt("2026-12-01T11:30")))).doesNotContain("a-english-cafe");
  }

  static SearchQuery openAt(String localTime) {
    SearchFilters filters =
        new SearchFilters(
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            false,
            false,
            List.of(),
            List.of(),
            null,
            null,
            null,
            LocalDateTime.parse(localTime),
            false);
    return new SearchQuery(
        "", filters, null, null, SearchQuery.SortOrder.RELEVANCE, 100, null, TODAY);
  }

  static SearchHits.Hit hit(SearchHits hits, String id) {
    return hits.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
  }
}
