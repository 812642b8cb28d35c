package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signpost.search.CorpusSearchTest.SPARKHILL;
import static org.signpost.search.CorpusSearchTest.TODAY;
import static org.signpost.search.CorpusSearchTest.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cursor paging while the index changes, and synonyms swapped at run time. */
class PagingAndSynonymsTest {
  private SearchIndex index;

  @BeforeEach
  void build() {
    index = Corpus.index();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @ParameterizedTest
  @EnumSource(SearchQuery.SortOrder.class)
  void paging_neitherRepeatsNorSkips_unchangedResults_whileOtherListingsChange(
      SearchQuery.SortOrder order) {
    SearchQuery query =
        new SearchQuery(
            "group club walking", SearchFilters.NONE, SPARKHILL, null, order, 7, null, TODAY);
    List<String> before = pages(query, () -> {});
    Set<String> changed = Set.of(before.get(2), before.get(9), before.get(15));
    int[] round = {0};
    List<String> paged =
        pages(
            query,
            () -> {
              // Between pages: edit some listings, add new ones that could rank anywhere.
              for (String id : changed) {
                IndexedListing old = Corpus.byId(id);
                index.apply(renamed(old, 10 + round[0], old.name() + " Club Walking Group Extra"));
              }
              index.apply(
                  renamed(Corpus.byId("a-women-walk"), 1, "New Walking Club " + round[0])
                      .withId("new-" + round[0]));
              index.refresh();
              round[0]++;
            });

    List<String> unchangedBefore = before.stream().filter(id -> !changed.contains(id)).toList();
    List<String> unchangedPaged =
        paged.stream().filter(id -> !changed.contains(id) && !id.startsWith("new-")).toList();
    assertThat(unchangedPaged).doesNotHaveDuplicates().isEqualTo(unchangedBefore);
  }

  @Test
  void paging_rejectsCursorsFromAnotherSortOrMangled() {
    SearchQuery byDistance =
        new SearchQuery(
            "",
            SearchFilters.NONE,
            SPARKHILL,
            null,
            SearchQuery.SortOrder.DISTANCE,
            3,
            null,
            TODAY);
    String cursor = index.search(byDistance).nextCursor();
    SearchQuery relevance =
        new SearchQuery(
            "",
            SearchFilters.NONE,
            SPARKHILL,
            null,
            SearchQuery.SortOrder.RELEVANCE,
            3,
            cursor,
            TODAY);

    assertThatThrownBy(() -> index.search(relevance)).isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(
            () ->
                index.search(
                    relevance
                        .withText("x")
                        .withPlace(SPARKHILL, null)
                        .withFilters(SearchFilters.NONE)
                        .firstPage(3)
                        .withCursor("ZGQKZjE=")))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void synonyms_canBeReplacedAtRunTime_withoutReindexing() {
    assertThat(index.search(CorpusSearchTest.text("repairs")).hits())
        .extracting(SearchHits.Hit::id)
        .containsExactly("a-mens-shed");
    assertThat(index.search(CorpusSearchTest.text("fixing")).total()).isZero();

    index.useSynonyms(Synonyms.parse("fixing, repairs\n"));

    assertThat(ids(index.search(CorpusSearchTest.text("fixing")))).containsExactly("a-mens-shed");
    assertThat(index.search(CorpusSearchTest.text("esol")).total()).isEqualTo(1);
    assertThat(index.suggest("fixi")).containsExactly("fixing");
  }

  @Test
  void synonyms_reportUnparseableLists() {
    assertThatThrownBy(() -> Synonyms.parse("a => \n=> b, ,\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("synonyms");
  }

  private List<String> pages(SearchQuery query, Runnable betweenPages) {
    List<String> out = new ArrayList<>();
    SearchHits page = index.search(query);
    out.addAll(ids(page));
    while (page.nextCursor() != null) {
      betweenPages.run();
      page = index.search(query.withCursor(page.nextCursor()));
      out.addAll(ids(page));
    }
    return out;
  }

  private static IndexedListing renamed(IndexedListing l, long version, String name) {
    return new IndexedListing(
        l.id(),
        version,
        true,
        l.kind(),
        name,
        l.summary(),
        l.description(),
        l.categories(),
        l.needs(),
        l.points(),
        l.delivery(),
        l.languages(),
        l.accessibility(),
        l.costType(),
        l.minimumAge(),
        l.maximumAge(),
        l.womenOnly(),
        l.menOnly(),
        l.crisis(),
        l.organisationId(),
        l.organisationName(),
        l.verifiedAt(),
        "2026-11-28T09:00",
        l.sessions(),
        l.directNeeds(),
        l.open247(),
        l.validFrom(),
        l.validTo(),
        l.closures(),
        l.datedSessions());
  }
}
