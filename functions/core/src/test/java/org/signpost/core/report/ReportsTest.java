package org.signpost.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.signpost.core.listing.ListingContent;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRequest;
import org.signpost.core.referral.ReferralService;

class ReportsTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Pattern CHECK_IN = Pattern.compile("/c/([A-Za-z0-9_.-]+)");
  private static final Caller GP = new Caller("gp-1", Set.of(Role.PRESCRIBER), Optional.empty());
  private static final Caller LEAD =
      new Caller("lead-1", Set.of(Role.PRESCRIBER_LEAD), Optional.empty());
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryReferrals store = new InMemoryReferrals();
  private ReferralService service;
  private Reports reports;

  /** One seeded referral's plan: minutes to contact, then declined / attended / did not come. */
  private record Plan(String org, long minutesToContact, String end, List<Integer> baseline) {}

  private final List<Plan> plans = new ArrayList<>();

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
    reports = new Reports(store, listings, clock);
    listings.create(listing("lst-a", "org-a"));
    listings.create(listing("lst-b", "org-b"));
    String[] ends = {"declined", "attended", "did_not_attend", "attended"};
    for (int i = 0; i < 12; i++) {
      plans.add(new Plan("org-a", 30L * (i + 1), ends[i % 4], List.of(2 + i % 3, 4, 5, 7)));
    }
    for (int i = 0; i < 3; i++) {
      plans.add(new Plan("org-b", 600, "attended", List.of(5, 5, 5, 5)));
    }
  }

  private static Listing listing(String id, String org) {
    ListingContent c = Listings.content("Tea " + id);
    return new Listing(
        id, org, org, c, Listing.PUBLISHED, 0, "2026-01-01", START, null, null, null);
  }

  private List<Referral> seed() {
    List<Referral> made = new ArrayList<>();
    for (Plan plan : plans) {
      Caller group = new Caller("p-" + plan.org(), Set.of(Role.PROVIDER), Optional.of(plan.org()));
      Referral r =
          service
              .submitForPrescriber(
                  GP,
                  new ReferralRequest(
                      plan.org().equals("org-a") ? "lst-a" : "lst-b",
                      "Ali",
                      "",
                      "ali@example.org",
                      "",
                      "",
                      List.of("loneliness"),
                      "",
                      "isolated",
                      plan.baseline(),
                      "en",
                      "",
                      true,
                      null,
                      true),
                  "gp@example.org")
              .referral();
      clock.advance(Duration.ofMinutes(plan.minutesToContact()));
      r = service.move(group, r.id(), "contacted", null, OptionalLong.of(r.version()));
      if (plan.end().equals("declined")) {
        r = service.move(group, r.id(), "declined", "full", OptionalLong.of(r.version()));
      } else {
        r = service.move(group, r.id(), "accepted", null, OptionalLong.of(r.version()));
        r = service.move(group, r.id(), plan.end(), null, OptionalLong.of(r.version()));
      }
      made.add(r);
      clock.advance(Duration.ofMinutes(1));
    }
    return made;
  }

  /** The suppression rule, applied by the test itself: 1 to 4 people are not shown. */
  private static Integer shown(long n) {
    return n > 0 && n < 5 ? null : (int) n;
  }

  private static List<Object> row(Report report, String dimension, String group) {
    return report.rows().stream()
        .filter(r -> r.get(0).equals(dimension) && r.get(1).equals(group))
        .findFirst()
        .orElseThrow();
  }

  private static Object cell(Report report, List<Object> row, String column) {
    return row.get(report.columns().indexOf(column));
  }

  @Test
  void pathway_matchesTheSeededReferrals() {
    seed();
    long referred = plans.size();
    long declined = plans.stream().filter(p -> p.end().equals("declined")).count();
    long attended = plans.stream().filter(p -> p.end().equals("attended")).count();
    long missed = plans.stream().filter(p -> p.end().equals("did_not_attend")).count();
    List<Long> minutes =
        plans.stream().map(Plan::minutesToContact).sorted().toList(); // nearest rank
    long median = minutes.get((int) Math.ceil(0.5 * minutes.size()) - 1);
    long p90 = minutes.get((int) Math.ceil(0.9 * minutes.size()) - 1);

    Report report = reports.pathway(ADMIN);
    List<Object> all = row(report, "all", "all");

    assertThat(cell(report, all, "referred")).isEqualTo((int) referred);
    assertThat(cell(report, all, "contacted")).isEqualTo((int) referred);
    assertThat(cell(report, all, "declined")).isEqualTo(shown(declined));
    assertThat(cell(report, all, "accepted")).isEqualTo((int) (referred - declined));
    assertThat(cell(report, all, "attended")).isEqualTo(shown(attended));
    assertThat(cell(report, all, "did_not_attend")).isEqualTo(shown(missed));
    assertThat(cell(report, all, "attendance_rate"))
        .isEqualTo(Math.round(1000.0 * attended / (attended + missed)) / 1000.0);
    assertThat(cell(report, all, "median_minutes_to_first_contact")).isEqualTo(median);
    assertThat(cell(report, all, "p90_minutes_to_first_contact")).isEqualTo(p90);
    assertThat(cell(report, row(report, "need", "loneliness"), "referred"))
        .isEqualTo((int) referred);
    assertThat(cell(report, row(report, "month", "2026-03"), "referred")).isEqualTo((int) referred);
  }

  @Test
  void pathway_suppressesGroupsOfFewerThanFive() {
    seed();
    Report report = reports.pathway(LEAD);
    List<Object> small = row(report, "organisation", "org-b");
    List<Object> large = row(report, "organisation", "org-a");

    assertThat(cell(report, small, "referred")).isNull();
    assertThat(cell(report, small, "attended")).isNull();
    assertThat(cell(report, small, "attendance_rate")).isNull();
    assertThat(cell(report, small, "median_minutes_to_first_contact")).isNull();
    assertThat(cell(report, large, "referred")).isEqualTo(12);
    assertThat(cell(report, large, "declined")).isNull(); // 3 people
    assertThat(cell(report, large, "attended")).isEqualTo(6);
    assertThat(Reports.count(4)).isNull();
    assertThat(Reports.count(5)).isEqualTo(5);
    assertThat(Reports.count(0)).isZero();
  }

  @Test
  void outcomes_meanChangeAndN_withSmallGroupsSuppressed() {
    List<Referral> made = seed();
    clock.advance(Duration.ofDays(43));
    service.followUps().sendDue();
    // Answer six of the 6-week check-ins, so n = 6; and no 12-week ones.
    List<String> links =
        store.sent.stream()
            .filter(n -> n.kind().equals("check_in"))
            .map(
                n -> {
                  Matcher m = CHECK_IN.matcher(n.body());
                  assertThat(m.find()).isTrue();
                  return m.group(1);
                })
            .toList();
    assertThat(links).hasSize(made.size());
    double baselineSum = 0;
    double changeSum = 0;
    for (int i = 0; i < 6; i++) {
      int satisfied = 6 + i % 4;
      service.followUps().answer(links.get(i), List.of(satisfied, 5, 5, 5));
      Referral answered =
          store.all().stream()
              .filter(r -> r.checkIn(6).map(c -> c.answered()).orElse(false))
              .filter(r -> !r.ons4().isEmpty())
              .findFirst()
              .orElseThrow();
      assertThat(answered).isNotNull();
    }
    for (Referral r : store.all()) {
      var c = r.checkIn(6).filter(x -> x.answered());
      if (c.isPresent()) {
        baselineSum += r.ons4().get(0);
        changeSum += c.get().ons4().get(0) - r.ons4().get(0);
      }
    }

    Report report = reports.outcomes(ADMIN);
    List<Object> six =
        report.rows().stream()
            .filter(
                r -> r.get(0).equals("all") && r.get(2).equals(6) && r.get(3).equals("satisfied"))
            .findFirst()
            .orElseThrow();
    List<Object> twelve =
        report.rows().stream()
            .filter(
                r -> r.get(0).equals("all") && r.get(2).equals(12) && r.get(3).equals("satisfied"))
            .findFirst()
            .orElseThrow();

    assertThat(cell(report, six, "n")).isEqualTo(6);
    assertThat(cell(report, six, "mean_baseline"))
        .isEqualTo(Math.round(baselineSum / 6 * 100) / 100.0);
    assertThat(cell(report, six, "mean_change")).isEqualTo(Math.round(changeSum / 6 * 100) / 100.0);
    assertThat(cell(report, twelve, "n")).isEqualTo(0);
    assertThat(cell(report, twelve, "mean_change")).isNull();
  }

  @Test
  void freshness_bandsPublishedListingsByLastConfirmation() {
    clock.advance(Duration.ofDays(100)); // verified 2026-01-01; now 2026-06-10: 5 months, not 6

    Report report = reports.freshness(ADMIN);

    assertThat(report.rows().get(0)).containsExactly("all", 2, 0, 2, 0, 0);
  }

  @Test
  void reports_areForAdminsAndPrescriberLeads_only() {
    Caller provider = new Caller("p", Set.of(Role.PROVIDER), Optional.of("org-a"));

    assertThatThrownBy(() -> reports.pathway(GP)).isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> reports.outcomes(provider))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> reports.freshness(provider))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThat(reports.freshness(LEAD).rows()).isNotEmpty();
  }

  @Test
  void outcomes_swemwbsMeanChangeOfRawTotals_whereAsked_withSmallGroupsSuppressed() {
    // Given seven referrals with a SWEMWBS baseline, of whom six answer at week 6
    List<List<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      List<Integer> before = List.of(2, 2, 3, 3, 2, 3, 1 + i % 5);
      answers.add(List.of(3, 3, 3, 4, 3, 3, 1 + (i + 2) % 5));
      service.submitForPrescriber(
          GP,
          new ReferralRequest(
              "lst-a",
              "Ali",
              "",
              "ali@example.org",
              "",
              "",
              List.of("carers"),
              "",
              "",
              List.of(),
              "en",
              "",
              true,
              null,
              true,
              before,
              true,
              null),
          "gp@example.org");
    }
    clock.advance(Duration.ofDays(43));
    service.followUps().sendDue();
    List<String> links =
        store.sent.stream()
            .filter(n -> n.kind().equals("check_in"))
            .map(
                n -> {
                  Matcher m = CHECK_IN.matcher(n.body());
                  assertThat(m.find()).isTrue();
                  return m.group(1);
                })
            .toList();
    double baselineSum = 0;
    double changeSum = 0;
    for (int i = 0; i < 6; i++) {
      service.followUps().answer(links.get(i), List.of(5, 5, 5, 5), answers.get(i));
    }
    for (Referral r : store.all()) {
      var c = r.checkIn(6).filter(x -> x.answered());
      if (c.isPresent()) {
        int before = r.checkInPlan().swemwbsBaseline().stream().mapToInt(x -> x).sum();
        baselineSum += before;
        changeSum += c.get().swemwbs().stream().mapToInt(x -> x).sum() - before;
      }
    }

    Report report = reports.outcomes(LEAD);
    List<Object> six = swemwbsRow(report, "all", 6);
    List<Object> twelve = swemwbsRow(report, "all", 12);

    assertThat(cell(report, six, "n")).isEqualTo(6);
    assertThat(cell(report, six, "mean_baseline"))
        .isEqualTo(Math.round(baselineSum / 6 * 100) / 100.0);
    assertThat(cell(report, six, "mean_change")).isEqualTo(Math.round(changeSum / 6 * 100) / 100.0);
    assertThat(cell(report, twelve, "n")).isEqualTo(0);
    assertThat(cell(report, twelve, "mean_change")).isNull();
    assertThat(cell(report, swemwbsRow(report, "carers", 6), "n")).isEqualTo(6);
  }

  @Test
  void outcomes_withFewerThanFiveSwemwbsAnswers_suppressesTheSwemwbsRow() {
    for (int i = 0; i < 4; i++) {
      service.submitForPrescriber(
          GP,
          new ReferralRequest(
              "lst-a",
              "Ali",
              "",
              "ali@example.org",
              "",
              "",
              List.of("carers"),
              "",
              "",
              List.of(),
              "en",
              "",
              true,
              null,
              true,
              List.of(3, 3, 3, 3, 3, 3, 3),
              true,
              null),
          "gp@example.org");
    }
    clock.advance(Duration.ofDays(43));
    service.followUps().sendDue();
    store.sent.stream()
        .filter(n -> n.kind().equals("check_in"))
        .forEach(
            n -> {
              Matcher m = CHECK_IN.matcher(n.body());
              assertThat(m.find()).isTrue();
              service
                  .followUps()
                  .answer(m.group(1), List.of(5, 5, 5, 5), List.of(4, 4, 4, 4, 4, 4, 4));
            });

    List<Object> six = swemwbsRow(reports.outcomes(ADMIN), "all", 6);

    assertThat(six.subList(4, 7)).containsOnlyNulls();
  }

  private static List<Object> swemwbsRow(Report report, String group, int week) {
    return report.rows().stream()
        .filter(
            r ->
                r.get(1).equals(group) && r.get(2).equals(week) && r.get(3).equals("swemwbs_total"))
        .findFirst()
        .orElseThrow();
  }
}
