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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryReferrals;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.listing.Listing;

class GpSummaryTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Pattern CHECK_IN = Pattern.compile("/c/([A-Za-z0-9_.-]+)");
  private static final Caller GP = new Caller("gp-1", Set.of(Role.PRESCRIBER), Optional.empty());
  private static final Caller OTHER_GP =
      new Caller("gp-2", Set.of(Role.PRESCRIBER), Optional.empty());
  private static final Caller GROUP =
      new Caller("p-1", Set.of(Role.PROVIDER), Optional.of("org-a"));
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryReferrals store = new InMemoryReferrals();
  private ReferralService service;

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
    listings.create(
        new Listing(
            "lst-a",
            "org-a",
            "Sparkhill Community Hub",
            Listings.content("Tea and Chat"),
            Listing.PUBLISHED,
            0,
            "2026-01-01",
            START,
            null,
            null,
            null));
  }

  private Referral refer() {
    return service
        .submitForPrescriber(
            GP,
            new ReferralRequest(
                "lst-a",
                "Ali",
                "",
                "ali@example.org",
                "",
                "",
                List.of("loneliness", "low_mood_anxiety"),
                "",
                "isolated since moving",
                List.of(3, 4, 5, 8),
                "en",
                "",
                true,
                null,
                true),
            "gp@example.org")
        .referral();
  }

  private Referral move(Referral r, String status, String reason) {
    return service.move(GROUP, r.id(), status, reason, OptionalLong.of(r.version()));
  }

  private static String value(GpSummary summary, String section, String field) {
    return summary.entries().stream()
        .filter(e -> e.section().equals(section) && e.field().startsWith(field))
        .map(GpSummary.Entry::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + section + " / " + field));
  }

  @Test
  void recordCodes_areTheReferral_andTheDeclineOnceDeclined() {
    Referral r = refer();
    assertThat(RecordCodes.of(r)).containsExactly(RecordCodes.REFERRED);
    assertThat(RecordCodes.REFERRED.code()).isEqualTo("871731000000106");

    r = move(move(r, "contacted", null), "declined", "group is full");

    assertThat(RecordCodes.of(r)).containsExactly(RecordCodes.REFERRED, RecordCodes.DECLINED);
    assertThat(RecordCodes.DECLINED.code()).isEqualTo("871711000000103");
    assertThat(move(r, "closed", null).status()).isEqualTo(ReferralStatus.CLOSED);
    assertThat(RecordCodes.of(service.get(ADMIN, r.id()))).contains(RecordCodes.DECLINED);
  }

  @Test
  void gpSummary_givesNeedsSupportStatusAttendanceAndOutcomesWithChange() {
    Referral r = refer();
    clock.advance(Duration.ofHours(5));
    r = move(r, "contacted", null);
    r = move(r, "accepted", null);
    r = move(r, "attended", null);
    clock.advance(Duration.ofDays(43));
    service.followUps().sendDue();
    Matcher link = CHECK_IN.matcher(store.sent.get(store.sent.size() - 1).body());
    assertThat(link.find()).isTrue();
    service.followUps().answer(link.group(1), List.of(6, 6, 7, 4));

    GpSummary summary = service.gpSummary(GP, r.id());

    assertThat(value(summary, "Referral", "reference")).isEqualTo(r.reference());
    assertThat(value(summary, "Referral", "SNOMED CT"))
        .isEqualTo("871731000000106 |Referral to social prescribing service|");
    assertThat(summary.entries())
        .filteredOn(e -> e.section().equals("Needs"))
        .extracting(GpSummary.Entry::value)
        .containsExactly("loneliness", "low mood anxiety");
    assertThat(value(summary, "Support offered", "activity")).isEqualTo("Tea and Chat");
    assertThat(value(summary, "Support offered", "organisation"))
        .isEqualTo("Sparkhill Community Hub");
    assertThat(value(summary, "Status", "current status")).isEqualTo("attended");
    assertThat(value(summary, "Status", "attendance")).isEqualTo("attended");
    assertThat(value(summary, "Status", "first contact")).contains("300 minutes");
    assertThat(value(summary, "Outcomes", "ONS4 at referral"))
        .isEqualTo("life satisfaction 3; worthwhile 4; happiness yesterday 5; anxiety yesterday 8");
    assertThat(value(summary, "Outcomes", "ONS4 at week 6"))
        .isEqualTo(
            "life satisfaction 6 (+3); worthwhile 6 (+2); happiness yesterday 7 (+2);"
                + " anxiety yesterday 4 (-4)");
    assertThat(summary.text())
        .startsWith("Social prescribing: message back to GP and referrer")
        .contains("\nOutcomes\n", "  attendance: attended\n");
  }

  @Test
  void gpSummary_isForTheReferringPrescriberOnly() {
    Referral r = refer();

    assertThatThrownBy(() -> service.gpSummary(GROUP, r.id()))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> service.gpSummary(ADMIN, r.id()))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> service.gpSummary(OTHER_GP, r.id()))
        .isInstanceOf(SignpostException.NotFound.class);
  }
}
