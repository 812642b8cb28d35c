package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryOrganisations;
import org.signpost.core.fakes.InMemoryRevisions;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingService;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;

class SearchServiceTest {
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
  private final InMemoryListings listings = new InMemoryListings();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
  private final ListingService service =
      new ListingService(
          listings, new InMemoryOrganisations(), new InMemoryRevisions(), clock, true);
  private final SearchService search =
      new SearchService(new SearchIndex(), listings, clock, Duration.ofSeconds(1));

  private static SearchQuery text(String q) {
    return new SearchQuery(q, List.of(), null, null, 10, null);
  }

  @Test
  void newListing_becomesSearchable_afterThePollInterval_withoutRestart() {
    search.build();
    Listing created =
        service.create(ADMIN, Optional.of("org-a"), Listings.content("Knit and Natter"));

    assertThat(search.search(text("knit")).total()).isZero();
    clock.advance(Duration.ofMillis(1001));
    assertThat(search.search(text("knit")).hits())
        .extracting(h -> h.id())
        .containsExactly(created.id());
  }

  @Test
  void archivedListing_leavesTheIndex_onCatchUp() {
    Listing created = service.create(ADMIN, Optional.of("org-a"), Listings.content("Men's Shed"));
    search.build();
    assertThat(search.search(text("shed")).total()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    service.archive(ADMIN, created.id(), OptionalLong.empty());
    clock.advance(Duration.ofSeconds(2));

    assertThat(search.search(text("shed")).total()).isZero();
    assertThat(search.ready()).isTrue();
  }

  @Test
  void searchParams_nameEveryBadParameter() {
    SignpostException.Invalid invalid =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SignpostException.Invalid.class,
            () ->
                SearchParams.parse(
                    Map.of(
                        "lat", List.of("91"),
                        "radius_km", List.of("500"),
                        "limit", List.of("2.5"),
                        "category", List.of("nope"),
                        "colour", List.of("red"))));

    assertThat(invalid.errors())
        .extracting(FieldError::field)
        .contains("lat", "radius_km", "limit", "category", "colour");
    assertThatThrownBy(() -> SearchParams.parse(Map.of("lat", List.of("52"))))
        .isInstanceOf(SignpostException.Invalid.class);
    assertThat(SearchParams.parse(Map.of("q", List.of("x".repeat(20_000)))).text()).hasSize(10_000);
  }
}
