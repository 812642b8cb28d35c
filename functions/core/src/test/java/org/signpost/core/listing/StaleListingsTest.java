package org.signpost.core.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryOrganisations;
import org.signpost.core.fakes.InMemoryReferrals;
import org.signpost.core.fakes.InMemoryRevisions;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.links.SignedLinks;
import org.signpost.core.referral.Notifications;

class StaleListingsTest {
  // Verified on 10 January; the clock starts a day short of five months later.
  private static final String VERIFIED = "2026-01-10";
  private static final Instant START = Instant.parse("2026-06-09T12:00:00Z");
  private static final Pattern LINK = Pattern.compile("/listing-check/([A-Za-z0-9_.-]+)");
  private static final byte[] SECRET =
      "test-secret-of-sufficient-length".getBytes(StandardCharsets.UTF_8);

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryRevisions revisions = new InMemoryRevisions();
  private final InMemoryReferrals guardsAndOutbox = new InMemoryReferrals();
  private final ListingService service =
      new ListingService(listings, new InMemoryOrganisations(), revisions, clock, false);
  private final StaleListings stale =
      new StaleListings(
          service,
          listings,
          listings,
          guardsAndOutbox,
          guardsAndOutbox,
          new SignedLinks(SECRET),
          clock);

  private Listing published(String id) {
    return listings.create(
        new Listing(
            id,
            "org-a",
            "Org A",
            Listings.content("Tea " + id),
            Listing.PUBLISHED,
            0,
            VERIFIED,
            START.minus(Duration.ofDays(200)),
            null,
            null,
            null));
  }

  private List<Notifications.Notification> sent() {
    return guardsAndOutbox.sent;
  }

  private String lastLink() {
    Matcher m = LINK.matcher(sent().get(sent().size() - 1).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void run_remindsAtFiveAndSixMonths_onceEach_andUnpublishesAtTwelve() {
    Listing listing = published("lst-1");

    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 0));
    clock.advance(Duration.ofDays(1));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(1, 0, 0));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 0));
    assertThat(sent()).singleElement().satisfies(n -> assertThat(n.body()).contains("5 months"));

    clock.advance(Duration.ofDays(30));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 1, 0));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 0));
    assertThat(sent().get(1).subject()).startsWith("Second reminder");
    assertThat(listings.find(listing.id()).orElseThrow().isPublished()).isTrue();

    clock.advance(Duration.ofDays(185));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 1));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 0));

    Listing after = listings.find(listing.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(Listing.DRAFT);
    assertThat(after.moderationNote()).isEqualTo(StaleListings.UNPUBLISHED_NOTE);
    assertThat(sent()).hasSize(3);
    assertThat(sent().get(2).subject()).startsWith("Unpublished");
    assertThat(revisions.history(listing.id()))
        .anySatisfy(
            r -> {
              assertThat(r.action()).isEqualTo("unpublished");
              assertThat(r.actor()).isEqualTo(StaleListings.SYSTEM);
            });
  }

  @Test
  void run_sendsOnlyTheFurthestStage_whenItFirstSeesAListingLate() {
    published("lst-late");
    clock.advance(Duration.ofDays(40));

    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 1, 0));
    assertThat(sent()).hasSize(1);
  }

  @Test
  void aListingFirstSeenPastTwelveMonths_isWarnedFirst_andUnpublishedOnALaterPass() {
    Listing listing = published("lst-old");
    clock.advance(Duration.ofDays(400));

    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 1, 0));
    assertThat(listings.find(listing.id()).orElseThrow().isPublished()).isTrue();
    assertThat(sent()).singleElement().satisfies(n -> assertThat(n.body()).contains("12 months"));
    clock.advance(Duration.ofDays(1));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 1));
    assertThat(listings.find(listing.id()).orElseThrow().status()).isEqualTo(Listing.DRAFT);
  }

  @Test
  void theLink_confirmsTheListing_soTheStagesStartAgain() {
    Listing listing = published("lst-2");
    clock.advance(Duration.ofDays(1));
    stale.run();
    String token = lastLink();

    assertThat(stale.open(token)).isInstanceOf(StaleListings.Open.class);
    assertThat(listings.find(listing.id()).orElseThrow().assuredDate()).isEqualTo(VERIFIED);
    assertThat(stale.confirm(token)).isInstanceOf(StaleListings.Confirmed.class);

    Listing confirmed = listings.find(listing.id()).orElseThrow();
    assertThat(confirmed.assuredDate()).isEqualTo("2026-06-10");
    assertThat(stale.stage(confirmed)).isEmpty();
    assertThat(revisions.history(listing.id()))
        .anySatisfy(r -> assertThat(r.actor()).isEqualTo(StaleListings.BY_LINK));
    clock.advance(Duration.ofDays(60));
    assertThat(stale.run()).isEqualTo(new StaleListings.Pass(0, 0, 0));
  }

  @Test
  void anExpiredTamperedOrForeignLink_isRefused_andChangesNothing() {
    Listing listing = published("lst-3");
    clock.advance(Duration.ofDays(1));
    stale.run();
    String token = lastLink();
    String foreign =
        new SignedLinks(SECRET).issue("attend", listing.id(), START.plus(Duration.ofDays(100)));
    String tampered = token.substring(0, token.length() - 2) + "xx";

    assertThat(stale.confirm(tampered)).isInstanceOf(StaleListings.Invalid.class);
    assertThat(stale.confirm(foreign)).isInstanceOf(StaleListings.Invalid.class);
    clock.advance(StaleListings.LINK_VALID_FOR.plusSeconds(1));
    assertThat(stale.confirm(token)).isInstanceOf(StaleListings.Expired.class);
    assertThat(listings.find(listing.id()).orElseThrow().assuredDate()).isEqualTo(VERIFIED);
    assertThat(listings.find(listing.id()).orElseThrow().version()).isEqualTo(listing.version());
  }

  @Test
  void runDaily_runsOncePerDay() {
    published("lst-4");
    clock.advance(Duration.ofDays(1));
    assertThat(stale.runDaily()).isEqualTo(new StaleListings.Pass(1, 0, 0));
    published("lst-5");
    clock.advance(Duration.ofHours(1));
    assertThat(stale.runDaily()).isEqualTo(new StaleListings.Pass(0, 0, 0));
    clock.advance(Duration.ofDays(1));
    assertThat(stale.runDaily()).isEqualTo(new StaleListings.Pass(1, 0, 0));
  }
}
