package org.signpost.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryReferrals;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;

class ReferralServiceTest {
  // Thursday 10:00 UTC
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryReferrals store = new InMemoryReferrals();
  private ReferralService service;

  private static final Caller PROVIDER_A =
      new Caller("p-a", Set.of(Role.PROVIDER), Optional.of("org-a"));
  private static final Caller PROVIDER_B =
      new Caller("p-b", Set.of(Role.PROVIDER), Optional.of("org-b"));
  private static final Caller PRESCRIBER =
      new Caller("gp-1", Set.of(Role.PRESCRIBER), Optional.empty());
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());

  @BeforeEach
  void setUp() {
    service =
        new ReferralService(
            store,
            listings,
            store,
            store,
            new CrisisDetector(),
            clock,
            "test-secret-of-sufficient-length".getBytes(StandardCharsets.UTF_8),
            180,
            3);
    listings.create(listing("lst-self", List.of("self", "prescriber")));
    listings.create(listing("lst-gp-only", List.of("prescriber")));
  }

  static Listing listing(String id, List<String> routes) {
    ListingContent c = Listings.content("Tea and Chat");
    ListingContent content =
        new ListingContent(
            c.kind(),
            c.crisis(),
            c.open247(),
            c.name(),
            c.summary(),
            c.description(),
            c.categories(),
            c.needs(),
            c.delivery(),
            c.locations(),
            c.schedule(),
            c.cost(),
            c.languages(),
            c.eligibility(),
            c.accessibility(),
            c.capacity(),
            routes,
            new ListingContent.Contact(null, "group@example.org", null),
            c.alert());
    return new Listing(
        id, "org-a", "Org A", content, Listing.PUBLISHED, 0, null, START, null, null, null);
  }

  static ReferralRequest request(String key, String freeText) {
    return new ReferralRequest(
        "lst-self",
        "Zofia",
        "07700 900123",
        "",
        "mornings",
        "B11 4AB",
        List.of("loneliness"),
        freeText,
        "",
        List.of(),
        "pl",
        "",
        true,
        key);
  }

  @Test
  void selfReferral_storesTheMinimum_withConsentVersion_andAHashedStatusToken() {
    ReferralService.Submitted s =
        service.submitSelf(request(null, "I would like to meet people"), "203.0.113.5");

    Referral r = s.referral();
    assertThat(r.status()).isEqualTo(ReferralStatus.NEW);
    assertThat(r.person().outwardPostcode()).isEqualTo("B11");
    assertThat(r.consentVersion()).isEqualTo(ReferralService.CONSENT_VERSION);
    assertThat(r.consentAt()).isEqualTo(START);
    assertThat(r.urgent()).isFalse();
    assertThat(s.token()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(r.tokenHash()).isNotEqualTo(s.token()).doesNotContain(s.token());
    assertThat(service.byToken(s.token()).id()).isEqualTo(r.id());
    assertThat(store.sent)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("group@example.org");
              assertThat(n.body()).doesNotContain("Zofia", "07700");
            });
  }

  @Test
  void sameIdempotencyKey_storesOneReferral_andGivesTheSameLink_butDifferentAnswersConflict() {
    String key = "k".repeat(24);
    ReferralService.Submitted first = service.submitSelf(request(key, ""), "203.0.113.5");
    ReferralService.Submitted again = service.submitSelf(request(key, ""), "203.0.113.5");

    assertThat(again.replay()).isTrue();
    assertThat(again.referral().id()).isEqualTo(first.referral().id());
    assertThat(again.token()).isEqualTo(first.token());
    assertThat(store.all()).hasSize(1);
    assertThatThrownBy(() -> service.submitSelf(request(key, "something else"), "203.0.113.5"))
        .isInstanceOf(SignpostException.Conflict.class);
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void rateLimit_refusesTheFourthReferralFromOneClientInAnHour_butNotOthersOrNextHour() {
    for (int i = 0; i < 3; i++) {
      service.submitSelf(request(null, ""), "203.0.113.5");
    }
    assertThatThrownBy(() -> service.submitSelf(request(null, ""), "203.0.113.5"))
        .isInstanceOf(SignpostException.TooManyRequests.class);
    service.submitSelf(request(null, ""), "198.51.100.7");
    clock.advance(Duration.ofHours(1));
    service.submitSelf(request(null, ""), "203.0.113.5");
    assertThat(store.all()).hasSize(5);
  }

  @Test
  void distressInFreeText_flagsUrgent() {
    Referral r =
        service.submitSelf(request(null, "I want to kill myself"), "203.0.113.5").referral();
    assertThat(r.urgent()).isTrue();
    assertThat(store.sent.get(0).subject()).startsWith("URGENT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Everyone would be better off without me, I just want somewhere to go in the day",
        "I have been saving up my tablets. I need someone to talk to",
        "My partner says he will kill me if I leave. I want to meet people"
      })
  void indirectDistressInFreeText_flagsUrgent(String freeText) {
    Referral r = service.submitSelf(request(null, freeText), "203.0.113.5").referral();
    assertThat(r.urgent()).isTrue();
  }

  @Test
  void badInput_andAListingWithoutSelfReferral_storeNothing() {
    ReferralRequest bad =
        new ReferralRequest(
            "lst-self",
            "",
            "",
            "not-an-email",
            "",
            "XYZ",
            List.of("nope"),
            "<script>x</script>",
            "",
            List.of(),
            "",
            "",
            false,
            null);
    assertThatThrownBy(() -> service.submitSelf(bad, "203.0.113.5"))
        .isInstanceOfSatisfying(
            SignpostException.Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .contains("name", "email", "postcode", "needs", "free_text", "consent"));
    ReferralRequest gpOnly =
        new ReferralRequest(
            "lst-gp-only",
            "Zofia",
            "07700 900123",
            "",
            "",
            "",
            List.of(),
            "",
            "",
            List.of(),
            "",
            "",
            true,
            null);
    assertThatThrownBy(() -> service.submitSelf(gpOnly, "203.0.113.5"))
        .isInstanceOf(SignpostException.Invalid.class)
        .hasMessageContaining("self-referral");
    assertThat(store.all()).isEmpty();
  }

  @Test
  void closedLoop_recordsWhoAndWhen_computesTimeToFirstContact_andRefusesIllegalMoves() {
    ReferralService.Submitted s =
        service.submitForPrescriber(
            PRESCRIBER,
            new ReferralRequest(
                "lst-self",
                "Ali",
                "",
                "ali@example.org",
                "",
                "",
                List.of("loneliness"),
                "",
                "isolated since move",
                List.of(3, 4, 5, 6),
                "ar",
                "",
                true,
                null),
            "gp@example.org");
    clock.advance(Duration.ofHours(2));

    Referral contacted =
        service.move(PROVIDER_A, s.referral().id(), "contacted", null, OptionalLong.of(1));
    assertThat(contacted.minutesToFirstContact()).isEqualTo(120);
    assertThat(contacted.history())
        .last()
        .satisfies(
            c -> {
              assertThat(c.by()).isEqualTo("p-a");
              assertThat(c.at()).isEqualTo(START.plus(Duration.ofHours(2)));
            });
    assertThatThrownBy(
            () -> service.move(PROVIDER_A, s.referral().id(), "attended", null, OptionalLong.of(2)))
        .isInstanceOf(SignpostException.Conflict.class);
    assertThatThrownBy(
            () -> service.move(PROVIDER_A, s.referral().id(), "accepted", null, OptionalLong.of(1)))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
    assertThatThrownBy(
            () -> service.move(PROVIDER_A, s.referral().id(), "declined", "", OptionalLong.of(2)))
        .isInstanceOf(SignpostException.Invalid.class);
    assertThatThrownBy(
            () -> service.move(PROVIDER_B, s.referral().id(), "accepted", null, OptionalLong.of(2)))
        .isInstanceOf(SignpostException.NotFound.class);
    assertThatThrownBy(
            () -> service.move(PRESCRIBER, s.referral().id(), "accepted", null, OptionalLong.of(2)))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThat(
            service
                .move(PROVIDER_A, s.referral().id(), "accepted", null, OptionalLong.of(2))
                .status())
        .isEqualTo(ReferralStatus.ACCEPTED);
    assertThat(store.sent)
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo("status_changed");
              assertThat(n.recipient()).isEqualTo("gp@example.org");
            });
  }

  @Test
  void access_isLimitedToReferrerReceivingOrganisationAndAdmins() {
    Referral r =
        service
            .submitForPrescriber(
                PRESCRIBER,
                new ReferralRequest(
                    "lst-self",
                    "Ali",
                    "07700 900456",
                    "",
                    "",
                    "",
                    List.of(),
                    "",
                    "",
                    List.of(),
                    "",
                    "",
                    true,
                    null),
                null)
            .referral();
    Caller otherGp = new Caller("gp-2", Set.of(Role.PRESCRIBER), Optional.empty());

    assertThat(service.get(PRESCRIBER, r.id()).id()).isEqualTo(r.id());
    assertThat(service.get(PROVIDER_A, r.id()).id()).isEqualTo(r.id());
    assertThat(service.get(ADMIN, r.id()).id()).isEqualTo(r.id());
    assertThatThrownBy(() -> service.get(PROVIDER_B, r.id()))
        .isInstanceOf(SignpostException.NotFound.class);
    assertThatThrownBy(() -> service.get(otherGp, r.id()))
        .isInstanceOf(SignpostException.NotFound.class);
    assertThat(service.mine(otherGp)).isEmpty();
    assertThat(service.mine(PROVIDER_A)).hasSize(1);
    assertThat(service.mine(PROVIDER_B)).isEmpty();
  }

  @Test
  void purge_deletesOnlyReferralsPastRetention() {
    Referral old = service.submitSelf(request(null, ""), "203.0.113.5").referral();
    clock.advance(Duration.ofDays(100));
    Referral recent = service.submitSelf(request(null, ""), "203.0.113.5").referral();

    clock.advance(Duration.ofDays(80));
    assertThat(service.purge()).isEqualTo(1);
    assertThat(store.find(old.id())).isEmpty();
    assertThat(store.find(recent.id())).isPresent();
  }

  @Test
  void reminder_goesOutOnceAfterThreeWorkingDays() {
    service.submitSelf(request(null, ""), "203.0.113.5");
    store.sent.clear();
    clock.advance(Duration.ofDays(4)); // Thursday -> Monday: two working days
    assertThat(service.remind()).isZero();
    clock.advance(Duration.ofDays(1)); // Tuesday: three
    assertThat(service.remind()).isEqualTo(1);
    assertThat(service.remind()).isZero();
    assertThat(store.sent)
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo("reminder"));
  }

  @Test
  void erase_isForAdminsOnly() {
    Referral r = service.submitSelf(request(null, ""), "203.0.113.5").referral();
    assertThatThrownBy(() -> service.erase(PROVIDER_A, r.id()))
        .isInstanceOf(SignpostException.Forbidden.class);
    service.erase(ADMIN, r.id());
    assertThat(store.all()).isEmpty();
  }
}
