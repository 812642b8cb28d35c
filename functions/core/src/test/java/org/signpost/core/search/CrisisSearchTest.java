package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryOrganisations;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;

/** Crisis awareness, admin synonyms and suggest through the search service. */
class CrisisSearchTest {
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
  private final InMemoryListings listings = new InMemoryListings();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
  private final ListingService service =
      new ListingService(
          listings,
          new InMemoryOrganisations(),
          new org.signpost.core.fakes.InMemoryRevisions(),
          clock,
          true);
  private SynonymSource.Edited edited;
  private final SearchService search =
      new SearchService(
          new SearchIndex(),
          listings,
          clock,
          Duration.ofSeconds(1),
          CrisisRoutes.parse("Samaritans | 116 123 | any time\nTest line | 0800 000 | test"),
          () -> Optional.ofNullable(edited));

  @BeforeEach
  void listings() {
    service.create(ADMIN, Optional.of("org-a"), Listings.content("Knit and Natter"));
    service.create(ADMIN, Optional.of("org-a"), Listings.content("Hope Line Crisis Service", true));
    search.build();
  }

  private static SearchQuery text(String q) {
    return new SearchQuery(q, List.of(), null, null, 10, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"i feel suicidal", "want to die", "i cant go on", "self harm knitting"})
  void distress_bringsCrisisRoutes_andPinsCrisisServicesFirst(String q) {
    SearchResult result = search.find(text(q));

    assertThat(result.crisis()).isTrue();
    assertThat(result.crisisRoutes())
        .extracting(CrisisRoutes.Route::contact)
        .containsExactly("116 123", "0800 000");
    assertThat(result.hits().hits()).first().satisfies(h -> assertThat(h.crisis()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"suicide prevention training for volunteers", "knit and natter", "dying wool"})
  void ordinarySearches_carryNoCrisisBlock(String q) {
    SearchResult result = search.find(text(q));

    assertThat(result.crisis()).isFalse();
    assertThat(result.crisisRoutes()).isEmpty();
  }

  @Test
  void bundledRoutes_listSamaritans_111_shout_and999() {
    assertThat(CrisisRoutes.configured(Optional.empty()).routes())
        .extracting(CrisisRoutes.Route::contact)
        .containsExactly("116 123", "111, option 2", "Text SHOUT to 85258", "999");
    assertThat(CrisisRoutes.configured(Optional.of("Local line | 0121 000")).routes())
        .extracting(CrisisRoutes.Route::name)
        .containsExactly("Local line");
  }

  @Test
  void adminSynonyms_applyAfterThePollInterval_withoutRebuild() {
    assertThat(search.find(text("purling")).hits().total()).isZero();

    edited = new SynonymSource.Edited("purling, knit", 1);
    clock.advance(Duration.ofSeconds(2));

    List<SearchHits.Hit> hits = search.find(text("purling")).hits().hits();
    assertThat(hits).extracting(SearchHits.Hit::name).containsExactly("Knit and Natter");
    assertThat(search.suggest("purl")).contains("purling");
  }

  @Test
  void suggest_seesNewListings_afterCatchUp() {
    service.create(ADMIN, Optional.of("org-a"), Listings.content("Quokka Quiz Night"));
    assertThat(search.suggest("quok")).isEmpty();
    clock.advance(Duration.ofSeconds(2));

    assertThat(search.suggest("quok")).containsExactly("Quokka Quiz Night");
  }

  static ListingContent crisisLine(String name) {
    return Listings.content(name, true);
  }
}
