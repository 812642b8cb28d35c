package org.signpost.core.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.StaleListings;
import org.signpost.core.referral.CheckIn;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRepository;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.core.referral.StatusChange;
import org.signpost.core.referral.Swemwbs;
import org.signpost.core.time.Clocks;

/**
 * Reports commissioners can use: the referral pathway, wellbeing change and listing freshness.
 * Figures about people are anonymous aggregates; any count from 1 to 4, and any rate, mean or
 * percentile over fewer than {@link #MIN_GROUP} people, is suppressed (null). Only admins and
 * prescriber leads may read them. Stateless apart from its ports; thread-safe.
 */
public final class Reports {
  /** Groups smaller than this are suppressed. */
  public static final int MIN_GROUP = 5;

  static final String[] MEASURES = {"satisfied", "worthwhile", "happy", "anxious"};

  private final ReferralRepository referrals;
  private final ListingChangeFeed listings;
  private final UnmetNeedStore unmetNeeds;
  private final Clock clock;

  public Reports(ReferralRepository referrals, ListingChangeFeed listings, Clock clock) {
    this(referrals, listings, UnmetNeedStore.NONE, clock);
  }

  public Reports(
      ReferralRepository referrals,
      ListingChangeFeed listings,
      UnmetNeedStore unmetNeeds,
      Clock clock) {
    this.referrals = referrals;
    this.listings = listings;
    this.unmetNeeds = unmetNeeds;
    this.clock = clock;
  }

  /**
   * The referral funnel overall and by month, need and organisation, with the attendance rate and
   * the median and 90th percentile minutes to first contact.
   */
  public Report pathway(Caller caller) {
    allowed(caller);
    List<Referral> all = referrals.all();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(funnel("all", "all", all));
    group(all, r -> List.of(YearMonth.from(r.createdAt().atZone(Clocks.LONDON)).toString()))
        .forEach((month, group) -> rows.add(funnel("month", month, group)));
    group(all, Referral::needs).forEach((need, group) -> rows.add(funnel("need", need, group)));
    group(all, r -> r.organisationId() == null ? List.of() : List.of(r.organisationId()))
        .forEach((org, group) -> rows.add(funnel("organisation", org, group)));
    return new Report(
        "pathway",
        List.of(
            "dimension",
            "group",
            "referred",
            "contacted",
            "accepted",
            "declined",
            "attended",
            "did_not_attend",
            "attendance_rate",
            "median_minutes_to_first_contact",
            "p90_minutes_to_first_contact"),
        rows);
  }

  /**
   * ONS4 change from baseline at 6 and 12 weeks: mean and n per measure, overall and by need; and
   * the SWEMWBS raw total ({@code swemwbs_total}) where prescribers asked for it.
   */
  public Report outcomes(Caller caller) {
    allowed(caller);
    List<Referral> all = referrals.all();
    List<List<Object>> rows = new ArrayList<>();
    change("all", "all", all, rows);
    group(all, Referral::needs).forEach((need, group) -> change("need", need, group, rows));
    return new Report(
        "outcomes",
        List.of("dimension", "group", "week", "measure", "n", "mean_baseline", "mean_change"),
        rows);
  }

  /** Published listings by time since they were last confirmed, overall and by organisation. */
  public Report freshness(Caller caller) {
    allowed(caller);
    List<Listing> published = new ArrayList<>();
    listings.scanAll(
        l -> {
          if (l.isPublished()) {
            published.add(l);
          }
        });
    LocalDate today = LocalDate.ofInstant(clock.instant(), Clocks.LONDON);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(bands("all", published, today));
    group(published, l -> List.of(l.organisationId()))
        .forEach((org, group) -> rows.add(bands(org, group, today)));
    return new Report(
        "freshness",
        List.of(
            "organisation",
            "published",
            "under_5_months",
            "5_to_6_months",
            "6_to_12_months",
            "12_months_or_more"),
        rows);
  }

  /**
   * Searches that found fewer than three results, overall and by month, outward code and need, then
   * each (month, outward code, need) cell. A search that filtered on two needs counts under each,
   * so the need rows can add up to more than the total. Counts of 1–4 are suppressed.
   */
  public Report unmetNeeds(Caller caller) {
    allowed(caller);
    Map<UnmetNeed, Long> cells = new TreeMap<>(CELL_ORDER);
    cells.putAll(unmetNeeds.all());
    Map<String, Long> byMonth = new TreeMap<>();
    Map<String, Long> byArea = new TreeMap<>();
    Map<String, Long> byNeed = new TreeMap<>();
    long total = 0;
    for (Map.Entry<UnmetNeed, Long> cell : cells.entrySet()) {
      long n = cell.getValue();
      total += n;
      byMonth.merge(cell.getKey().month(), n, Long::sum);
      byArea.merge(cell.getKey().outwardCode(), n, Long::sum);
      byNeed.merge(cell.getKey().need(), n, Long::sum);
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList("all", "all", "all", "all", count(total)));
    byMonth.forEach((month, n) -> rows.add(Arrays.asList("month", month, "all", "all", count(n))));
    byArea.forEach(
        (area, n) -> rows.add(Arrays.asList("outward_code", "all", area, "all", count(n))));
    byNeed.forEach((need, n) -> rows.add(Arrays.asList("need", "all", "all", need, count(n))));
    cells.forEach(
        (cell, n) ->
            rows.add(
                Arrays.asList("cell", cell.month(), cell.outwardCode(), cell.need(), count(n))));
    return new Report(
        "unmet-needs", List.of("dimension", "month", "outward_code", "need", "searches"), rows);
  }

  private static final java.util.Comparator<UnmetNeed> CELL_ORDER =
      java.util.Comparator.comparing(UnmetNeed::month)
          .thenComparing(UnmetNeed::outwardCode)
          .thenComparing(UnmetNeed::need);

  private static void allowed(Caller caller) {
    caller.require(Role.ADMIN, Role.PRESCRIBER_LEAD);
  }

  private static List<Object> funnel(String dimension, String key, List<Referral> group) {
    int contacted = 0;
    int accepted = 0;
    int declined = 0;
    int attended = 0;
    int missed = 0;
    List<Long> minutes = new ArrayList<>();
    for (Referral r : group) {
      if (r.firstContactAt() != null) {
        contacted++;
        minutes.add(r.minutesToFirstContact());
      }
      accepted +=
          reached(
              r, ReferralStatus.ACCEPTED, ReferralStatus.ATTENDED, ReferralStatus.DID_NOT_ATTEND);
      declined += reached(r, ReferralStatus.DECLINED);
      attended += reached(r, ReferralStatus.ATTENDED);
      missed += reached(r, ReferralStatus.DID_NOT_ATTEND);
    }
    int known = attended + missed;
    return Arrays.asList(
        dimension,
        key,
        count(group.size()),
        count(contacted),
        count(accepted),
        count(declined),
        count(attended),
        count(missed),
        known < MIN_GROUP ? null : Math.round(1000.0 * attended / known) / 1000.0,
        percentile(minutes, 50),
        percentile(minutes, 90));
  }

  private static int reached(Referral r, ReferralStatus... any) {
    for (StatusChange step : r.history()) {
      for (ReferralStatus status : any) {
        if (step.status() == status) {
          return 1;
        }
      }
    }
    return 0;
  }

  private static void change(
      String dimension, String key, List<Referral> group, List<List<Object>> rows) {
    for (int week : CheckIn.WEEKS) {
      swemwbsChange(dimension, key, week, group, rows);
      for (int measure = 0; measure < MEASURES.length; measure++) {
        int n = 0;
        double baseline = 0;
        double change = 0;
        for (Referral r : group) {
          if (r.ons4().size() != 4) {
            continue;
          }
          var answer = r.checkIn(week).filter(CheckIn::answered);
          if (answer.isPresent() && answer.get().ons4().size() == 4) {
            n++;
            baseline += r.ons4().get(measure);
            change += answer.get().ons4().get(measure) - r.ons4().get(measure);
          }
        }
        boolean small = n < MIN_GROUP;
        rows.add(
            Arrays.asList(
                dimension,
                key,
                week,
                MEASURES[measure],
                count(n),
                small ? null : round(baseline / n),
                small ? null : round(change / n)));
      }
    }
  }

  /**
   * SWEMWBS raw totals: the mean at referral and the mean change at a week, over the people with
   * both (the prescriber asked for it and the person answered all seven items both times).
   */
  private static void swemwbsChange(
      String dimension, String key, int week, List<Referral> group, List<List<Object>> rows) {
    int n = 0;
    double baseline = 0;
    double change = 0;
    for (Referral r : group) {
      List<Integer> before = r.checkInPlan().swemwbsBaseline();
      var answer = r.checkIn(week).filter(CheckIn::answered).map(CheckIn::swemwbs);
      if (before.size() == Swemwbs.ITEMS
          && answer.filter(a -> a.size() == Swemwbs.ITEMS).isPresent()) {
        n++;
        baseline += Swemwbs.total(before);
        change += Swemwbs.total(answer.get()) - Swemwbs.total(before);
      }
    }
    if (n == 0 && group.stream().noneMatch(r -> r.checkInPlan().swemwbs())) {
      return; // nobody in this group was asked: no row rather than a row of zeros
    }
    boolean small = n < MIN_GROUP;
    rows.add(
        Arrays.asList(
            dimension,
            key,
            week,
            "swemwbs_total",
            count(n),
            small ? null : round(baseline / n),
            small ? null : round(change / n)));
  }

  private static List<Object> bands(String key, List<Listing> group, LocalDate today) {
    int[] bands = new int[4];
    for (Listing l : group) {
      LocalDate since = StaleListings.verifiedOn(l);
      if (!today.isBefore(since.plusMonths(12))) {
        bands[3]++;
      } else if (!today.isBefore(since.plusMonths(6))) {
        bands[2]++;
      } else if (!today.isBefore(since.plusMonths(5))) {
        bands[1]++;
      } else {
        bands[0]++;
      }
    }
    // Listings are not people: no suppression.
    return Arrays.asList(key, group.size(), bands[0], bands[1], bands[2], bands[3]);
  }

  /** A count of people: shown when 0 or at least {@link #MIN_GROUP}, otherwise suppressed. */
  static Integer count(int n) {
    return n == 0 || n >= MIN_GROUP ? n : null;
  }

  /** A count of searches, suppressed from 1 to 4 as counts of people are. */
  static Long count(long n) {
    return n == 0 || n >= MIN_GROUP ? n : null;
  }

  /** Nearest-rank percentile, or null for fewer than {@link #MIN_GROUP} values. */
  static Long percentile(List<Long> values, int p) {
    if (values.size() < MIN_GROUP) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static <T> Map<String, List<T>> group(List<T> items, Function<T, List<String>> keys) {
    Map<String, List<T>> groups = new TreeMap<>();
    for (T item : items) {
      for (String key : keys.apply(item)) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
      }
    }
    return groups;
  }
}
