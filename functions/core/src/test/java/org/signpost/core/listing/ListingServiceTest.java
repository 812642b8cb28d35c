package org.signpost.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryOrganisations;
import org.signpost.core.fakes.InMemoryRevisions;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.org.Organisation;

class ListingServiceTest {
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryOrganisations organisations = new InMemoryOrganisations();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final ListingService service =
      new ListingService(listings, organisations, new InMemoryRevisions(), clock, false);

  private static Caller provider(String org) {
    return new Caller("u-" + org, Set.of(Role.PROVIDER), Optional.of(org));
  }

  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());

  @Test
  void create_byTrustedOrganisation_publishes_withNextSession() {
    organisations.create(new Organisation("org-a", "Org A", null, Organisation.APPROVED, true, 0));

    Listing created =
        service.create(provider("org-a"), Optional.empty(), Listings.content("Tea and Chat"));

    assertThat(created.status()).isEqualTo(Listing.PUBLISHED);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.organisationName()).isEqualTo("Org A");
    assertThat(created.nextSession()).isEqualTo("2026-11-24T10:00");
  }

  @Test
  void create_byUnknownOrganisation_isSubmittedForReview_whenNewOrganisationsAreNotTrusted() {
    Listing created =
        service.create(provider("org-new"), Optional.empty(), Listings.content("Tea and Chat"));

    assertThat(created.status()).isEqualTo(Listing.SUBMITTED);
    assertThat(service.get(created.id(), Optional.of(provider("org-new"))).id())
        .isEqualTo(created.id());
    assertThatThrownBy(() -> service.get(created.id(), Optional.empty()))
        .isInstanceOf(SignpostException.NotFound.class);
  }

  @Test
  void update_byUntrustedOrganisation_keepsPublishedContentLive_andHoldsTheEdit() {
    organisations.create(new Organisation("org-u", "Org U", null, Organisation.APPROVED, false, 0));
    Listing created =
        service.create(ADMIN, Optional.of("org-u"), Listings.content("Original Name"));

    Listing edited =
        service.update(provider("org-u"), created.id(), Listings.content("Edited Name"), 1);

    assertThat(edited.content().name()).isEqualTo("Original Name");
    assertThat(edited.pending().name()).isEqualTo("Edited Name");
    assertThat(edited.isPublished()).isTrue();
  }

  @Test
  void update_refusesStaleVersion_andProvidersOfOtherOrganisations() {
    organisations.create(new Organisation("org-a", "Org A", null, Organisation.APPROVED, true, 0));
    Listing created =
        service.create(provider("org-a"), Optional.empty(), Listings.content("Tea and Chat"));

    assertThatThrownBy(
            () -> service.update(provider("org-a"), created.id(), Listings.content("X y z"), 7))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
    assertThatThrownBy(
            () -> service.update(provider("org-b"), created.id(), Listings.content("X y z"), 1))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThat(listings.find(created.id()).orElseThrow().content().name())
        .isEqualTo("Tea and Chat");
  }

  @Test
  void importListing_isIdempotent_andRefusesUnknownOrganisations() {
    organisations.create(new Organisation("org-a", "Org A", null, Organisation.APPROVED, true, 0));

    assertThat(
            service.importListing(
                ADMIN, "ext-1", "org-a", Listings.content("Imported"), "2026-01-02", false))
        .isEqualTo(ListingService.ImportOutcome.CREATED);
    assertThat(
            service.importListing(
                ADMIN, "ext-1", "org-a", Listings.content("Imported"), "2026-01-02", false))
        .isEqualTo(ListingService.ImportOutcome.UNCHANGED);
    assertThat(
            service.importListing(
                ADMIN, "ext-1", "org-a", Listings.content("Imported v2"), "2026-01-02", true))
        .isEqualTo(ListingService.ImportOutcome.UPDATED);
    assertThat(listings.find("ext-1").orElseThrow().content().name()).isEqualTo("Imported");
    assertThatThrownBy(
            () ->
                service.importListing(
                    ADMIN, "ext-2", "org-missing", Listings.content("X y z"), null, false))
        .isInstanceOf(SignpostException.Invalid.class);
  }

  @Test
  void archive_isSoft_andPrescribersCannotArchive() {
    Listing created = service.create(ADMIN, Optional.of("org-a"), Listings.content("Tea and Chat"));
    Caller prescriber = new Caller("gp", Set.of(Role.PRESCRIBER), Optional.empty());

    assertThatThrownBy(() -> service.archive(prescriber, created.id(), OptionalLong.empty()))
        .isInstanceOf(SignpostException.Forbidden.class);
    Listing archived = service.archive(ADMIN, created.id(), OptionalLong.empty());

    assertThat(archived.status()).isEqualTo(Listing.ARCHIVED);
    assertThat(listings.find(created.id())).isPresent();
  }
}
