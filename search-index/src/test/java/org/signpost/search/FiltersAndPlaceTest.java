package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.search.CorpusSearchTest.SPARKHILL;
import static org.signpost.search.CorpusSearchTest.TODAY;
import static org.signpost.search.CorpusSearchTest.ids;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.util.SloppyMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every filter against an independent reading of the corpus, with its facet count; place. */
class FiltersAndPlaceTest {
  private static SearchIndex index;

  @BeforeAll
  static void build() {
    index = Corpus.index();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static SearchFilters f(
      List<String> categories,
      Boolean free,
      List<String> costs,
      List<String> languages,
      List<String> accessibility,
      Integer age,
      boolean women,
      boolean men,
      List<String> delivery,
      List<String> kinds,
      Integer day) {
    return new SearchFilters(
        List.of(),
        categories,
        free,
        costs,
        languages,
        accessibility,
        age,
        women,
        men,
        delivery,
        kinds,
        day,
        null,
        null,
        null,
        false);
  }

  private static final List<String> NO = List.of();

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(
            "category",
            f(List.of("walking"), null, NO, NO, NO, null, false, false, NO, NO, null),
            (Predicate<IndexedListing>) l -> l.categories().contains("walking"),
            "category",
            "walking"),
        Arguments.of(
            "free",
            f(NO, true, NO, NO, NO, null, false, false, NO, NO, null),
            (Predicate<IndexedListing>) l -> "free".equals(l.costType()),
            "cost",
            "free"),
        Arguments.of(
            "cost",
            f(NO, null, List.of("paid"), NO, NO, null, false, false, NO, NO, null),
            (Predicate<IndexedListing>) l -> "paid".equals(l.costType()),
            "cost",
            "paid"),
        Arguments.of(
            "language",
            f(NO, null, NO, List.of("ur"), NO, null, false, false, NO, NO, null),
            (Predicate<IndexedListing>) l -> l.languages().contains("ur"),
            "language",
            "ur"),
        Arguments.of(
            "accessibility (all must hold)",
            f(
                NO,
                null,
                NO,
                NO,
                List.of("step_free", "hearing_loop"),
                null,
                false,
                false,
                NO,
                NO,
                null),
            (Predicate<IndexedListing>)
                l -> l.accessibility().containsAll(List.of("step_free", "hearing_loop")),
            "accessibility",
            "hearing_loop"),
        Arguments.of(
            "age",
            f(NO, null, NO, NO, NO, 14, false, false, NO, NO, null),
            (Predicate<IndexedListing>)
                l ->
                    (l.minimumAge() == null || l.minimumAge() <= 14)
                        && (l.maximumAge() == null || l.maximumAge() >= 14),
            "kind",
            "activity"),
        Arguments.of(
            "women_only",
            f(NO, null, NO, NO, NO, null, true, false, NO, NO, null),
            (Predicate<IndexedListing>) IndexedListing::womenOnly,
            "kind",
            "activity"),
        Arguments.of(
            "men_only",
            f(NO, null, NO, NO, NO, null, false, true, NO, NO, null),
            (Predicate<IndexedListing>) IndexedListing::menOnly,
            "category",
            "arts_crafts"),
        Arguments.of(
            "delivery",
            f(NO, null, NO, NO, NO, null, false, false, List.of("online"), NO, null),
            (Predicate<IndexedListing>) l -> l.delivery().contains("online"),
            "delivery",
            "online"),
        Arguments.of(
            "kind",
            f(NO, null, NO, NO, NO, null, false, false, NO, List.of("signpost"), null),
            (Predicate<IndexedListing>) l -> l.kind().equals("signpost"),
            "kind",
            "signpost"),
        Arguments.of(
            "day",
            f(NO, null, NO, NO, NO, null, false, false, NO, NO, 6),
            (Predicate<IndexedListing>)
                l ->
                    l.open247()
                        || l.sessions().stream().anyMatch(s -> s.dayOfWeek() == 6)
                        || l.datedSessions().stream()
                            .anyMatch(s -> s.date().getDayOfWeek().getValue() == 6),
            "day",
            "sat"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filter_matchesExactlyTheListingsThatHoldIt_andItsFacetCountsThem(
      String name,
      SearchFilters filters,
      Predicate<IndexedListing> holds,
      String facet,
      String value) {
    SearchHits hits = index.search(all().withFilters(filters));
    List<String> everyPage = allPages(all().withFilters(filters));

    Set<String> expected =
        Corpus.LISTINGS.stream()
            .filter(holds)
            .map(IndexedListing::id)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(expected).isNotEmpty();
    assertThat(everyPage).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(hits.total()).isEqualTo(expected.size());
    long withValue =
        everyPage.stream()
            .map(Corpus::byId)
            .filter(l -> facetValue(l, facet).contains(value))
            .count();
    assertThat(hits.facets().get(facet).get(value)).isEqualTo(withValue);
  }

  private static List<String> allPages(SearchQuery first) {
    List<String> out = new java.util.ArrayList<>();
    SearchHits page = index.search(first);
    out.addAll(ids(page));
    while (page.nextCursor() != null) {
      page =
          index.search(
              new SearchQuery(
                  first.text(),
                  first.filters(),
                  first.point(),
                  first.radiusKm(),
                  first.sort(),
                  first.limit(),
                  page.nextCursor(),
                  first.today()));
      out.addAll(ids(page));
    }
    return out;
  }

  @Test
  void dayWithTimeWindow_matchesOverlappingSessionsOnly() {
    SearchFilters tuesdayMorning =
        new SearchFilters(
            NO, NO, null, NO, NO, NO, null, false, false, NO, NO, 2, 9 * 60, 12 * 60, null, false);
    List<String> found = ids(index.search(all().withFilters(tuesdayMorning)));

    assertThat(found).contains("a-english-cafe", "a-samaritans").doesNotContain("a-digital");
  }

  @Test
  void near_withRadius_keepsPlacesInside_andOnlineOrPhoneListingsUnlessDeliverySaysInPerson() {
    SearchQuery nearby = all().withPlace(SPARKHILL, 1.0);

    List<String> found = ids(index.search(nearby));
    for (IndexedListing l : Corpus.LISTINGS) {
      boolean inside =
          l.points().stream()
              .anyMatch(
                  p ->
                      SloppyMath.haversinMeters(SPARKHILL.lat(), SPARKHILL.lon(), p.lat(), p.lon())
                          <= 1000);
      boolean remote = l.delivery().contains("online") || l.delivery().contains("phone");
      assertThat(found.contains(l.id())).as(l.id()).isEqualTo(inside || remote);
    }
    SearchHits hits = index.search(nearby);
    SearchHits.Hit phone = CorpusSearchTest.hit(hits, "a-phone-friends");
    assertThat(phone.placeBound()).isFalse();
    assertThat(phone.distanceKm()).isNull();
    assertThat(CorpusSearchTest.hit(hits, "a-english-cafe").distanceKm()).isEqualTo(0.0);

    SearchFilters inPerson = SearchFilters.NONE.withDelivery(List.of("in_person"));
    assertThat(ids(index.search(nearby.withFilters(inPerson))))
        .contains("a-english-cafe", "a-digital", "a-orchard")
        .doesNotContain("a-phone-friends", "a-mindfulness");
  }

  @Test
  void sortByDistance_putsNearestFirst_andPlacelessLast() {
    // "tai chi" matches classes with a place and two online ones (f-016 and f-034 have none).
    SearchQuery byDistance =
        new SearchQuery(
            "tai chi",
            SearchFilters.NONE,
            SPARKHILL,
            null,
            SearchQuery.SortOrder.DISTANCE,
            100,
            null,
            TODAY);
    List<SearchHits.Hit> hits = index.search(byDistance).hits();
    List<Double> distances = hits.stream().map(SearchHits.Hit::distanceKm).toList();
    int firstPlaceless = distances.indexOf(null);

    assertThat(firstPlaceless).as("a placeless class is among the hits").isPositive();
    assertThat(distances.subList(0, firstPlaceless)).doesNotContainNull().isSorted();
    assertThat(distances.subList(firstPlaceless, distances.size())).containsOnlyNulls();
    assertThat(hits.get(0).why()).anyMatch(w -> w.endsWith("km away"));
  }

  @Test
  void relevance_blendsDistance_whenTextTies() {
    // Two identical "walking group" texts: the women's group is 1.7 km away, the others 0 km.
    SearchQuery near =
        new SearchQuery(
            "walk",
            SearchFilters.NONE,
            new GeoPoint(52.4450, -1.8880),
            null,
            SearchQuery.SortOrder.RELEVANCE,
            100,
            null,
            null);
    assertThat(ids(index.search(near))).first().isEqualTo("a-women-walk");
  }

  @Test
  void sortByNextSession_putsSoonestFirst_andUnknownLast() {
    // 12 of the corpus's listings have a next session; the page holds those and some without.
    SearchQuery soonest =
        new SearchQuery(
            "",
            SearchFilters.NONE,
            null,
            null,
            SearchQuery.SortOrder.NEXT_SESSION,
            100,
            null,
            TODAY);
    List<String> sessions =
        index.search(soonest).hits().stream().map(SearchHits.Hit::nextSession).toList();
    int firstUnknown = sessions.indexOf(null);

    assertThat(firstUnknown).as("listings without a next session are on the page").isPositive();
    assertThat(sessions.subList(0, firstUnknown))
        .doesNotContainNull()
        .isSorted()
        .first()
        .isEqualTo("2026-11-27T18:00");
    assertThat(sessions.subList(firstUnknown, sessions.size())).containsOnlyNulls();
  }

  @Test
  void recovery_saysWhatWouldMatch_whenNothingDoes() {
    SearchFilters notFree =
        new SearchFilters(
            NO,
            NO,
            false,
            NO,
            NO,
            NO,
            null,
            false,
            false,
            List.of("in_person"),
            NO,
            null,
            null,
            null,
            null,
            false);
    SearchHits hits =
        index.search(CorpusSearchTest.text("knit").withFilters(notFree).withPlace(SPARKHILL, 4.0));

    assertThat(hits.total()).isZero();
    SearchHits.Recovery recovery = hits.recovery();
    assertThat(recovery).isNotNull();
    assertThat(recovery.withoutFilter()).isEqualTo("free");
    assertThat(recovery.withoutFilterCount()).isEqualTo(1);
    assertThat(recovery.widerRadiusKm()).isEqualTo(14.0);
    assertThat(recovery.widerRadiusCount()).isZero();
    SearchFilters remote = notFree.withDelivery(List.of("online", "phone"));
    assertThat(recovery.onlineCount())
        .isEqualTo(index.search(CorpusSearchTest.text("knit").withFilters(remote)).total());

    SearchHits typo =
        index.search(
            CorpusSearchTest.text("potteri workshopz")
                .withFilters(SearchFilters.NONE.withDelivery(List.of("in_person")))
                .withPlace(SPARKHILL, 3.0));
    assertThat(typo.total()).isZero();
    assertThat(typo.recovery().spelling()).isEqualTo("pottery workshop");
    assertThat(typo.recovery().widerRadiusCount()).isZero();
    assertThat(index.search(CorpusSearchTest.text("knit")).recovery()).isNull();
  }

  private static Set<String> facetValue(IndexedListing l, String facet) {
    return switch (facet) {
      case "category" -> Set.copyOf(l.categories());
      case "cost" -> Set.of(l.costType());
      case "language" -> Set.copyOf(l.languages());
      case "accessibility" -> Set.copyOf(l.accessibility());
      case "delivery" -> Set.copyOf(l.delivery());
      case "kind" -> Set.of(l.kind());
      case "day" ->
          l.open247()
              ? Set.copyOf(ListingDocuments.DAY_NAMES)
              : Stream.concat(
                      l.sessions().stream().map(s -> s.dayOfWeek()),
                      l.datedSessions().stream().map(s -> s.date().getDayOfWeek().getValue()))
                  .map(d -> ListingDocuments.DAY_NAMES.get(d - 1))
                  .collect(java.util.stream.Collectors.toSet());
      default -> throw new IllegalArgumentException(facet);
    };
  }

  private static SearchQuery all() {
    return new SearchQuery(
        "", SearchFilters.NONE, null, null, SearchQuery.SortOrder.RELEVANCE, 100, null, TODAY);
  }
}
