package org.signpost.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryReferrals;
import org.signpost.core.fakes.InMemoryUnmetNeeds;
import org.signpost.core.fakes.MutableClock;

class UnmetNeedsReportTest {
  private static final Caller LEAD =
      new Caller("lead-1", Set.of(Role.PRESCRIBER_LEAD), Optional.empty());
  private final InMemoryUnmetNeeds store = new InMemoryUnmetNeeds();
  private final Reports reports =
      new Reports(
          new InMemoryReferrals(),
          new InMemoryListings(),
          store,
          new MutableClock(Instant.parse("2026-12-01T09:00:00Z")));

  @Test
  void unmetNeeds_matchesSumsComputedFromTheSeed_withCountsBelowFiveSuppressed() {
    // Given a random seeded set of cells, whose sums this test works out for itself
    Random random = new Random(20261201);
    List<String> months = List.of("2026-10", "2026-11");
    List<String> areas = List.of("B11", "B12", "unknown");
    List<String> needs = List.of("need:loneliness", "category:walking", "uncategorised");
    Map<UnmetNeed, Long> seeded = new HashMap<>();
    for (String month : months) {
      for (String area : areas) {
        for (String need : needs) {
          long n = random.nextInt(9); // 0–8: some cells small, some not, some absent
          if (n > 0) {
            seeded.put(new UnmetNeed(month, area, need), n);
            store.add(new UnmetNeed(month, area, need), n);
          }
        }
      }
    }

    Report report = reports.unmetNeeds(LEAD);

    Map<String, Long> byNeed = new HashMap<>();
    Map<String, Long> byArea = new HashMap<>();
    long total = 0;
    for (Map.Entry<UnmetNeed, Long> e : seeded.entrySet()) {
      byNeed.merge(e.getKey().need(), e.getValue(), Long::sum);
      byArea.merge(e.getKey().outwardCode(), e.getValue(), Long::sum);
      total += e.getValue();
    }
    assertThat(cell(report, "all", "all", "all", "all")).isEqualTo(shown(total));
    byNeed.forEach(
        (need, n) -> assertThat(cell(report, "need", "all", "all", need)).isEqualTo(shown(n)));
    byArea.forEach(
        (area, n) ->
            assertThat(cell(report, "outward_code", "all", area, "all")).isEqualTo(shown(n)));
    seeded.forEach(
        (c, n) ->
            assertThat(cell(report, "cell", c.month(), c.outwardCode(), c.need()))
                .as(c.toString())
                .isEqualTo(shown(n)));
    long suppressed =
        report.rows().stream().filter(r -> "cell".equals(r.get(0)) && r.get(4) == null).count();
    assertThat(suppressed)
        .isEqualTo(seeded.values().stream().filter(n -> n < Reports.MIN_GROUP).count())
        .isPositive();
  }

  @Test
  void unmetNeeds_showsFourAsSuppressed_andFiveAsFive() {
    store.add(new UnmetNeed("2026-11", "B11", "need:housing"), 4);
    store.add(new UnmetNeed("2026-11", "B12", "need:housing"), 5);

    Report report = reports.unmetNeeds(LEAD);

    assertThat(cell(report, "cell", "2026-11", "B11", "need:housing")).isNull();
    assertThat(cell(report, "cell", "2026-11", "B12", "need:housing")).isEqualTo(5L);
    assertThat(cell(report, "need", "all", "all", "need:housing")).isEqualTo(9L);
  }

  @Test
  void unmetNeeds_isForAdminsAndLeadsOnly() {
    Caller provider = new Caller("p", Set.of(Role.PROVIDER), Optional.of("org-a"));
    Caller prescriber = new Caller("gp", Set.of(Role.PRESCRIBER), Optional.empty());

    assertThatThrownBy(() -> reports.unmetNeeds(provider))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> reports.unmetNeeds(prescriber))
        .isInstanceOf(SignpostException.Forbidden.class);
  }

  @Test
  void unmetNeed_refusesAnythingButACodeAndAVocabularyTerm() {
    assertThatThrownBy(() -> new UnmetNeed("2026-11", "B11 4AB", "need:housing"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnmetNeed("2026-11", "B11", "lonely old man"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Long shown(long n) {
    return n >= Reports.MIN_GROUP ? n : null;
  }

  private static Object cell(
      Report report, String dimension, String month, String area, String need) {
    List<List<Object>> found = new ArrayList<>();
    for (List<Object> row : report.rows()) {
      if (row.subList(0, 4).equals(List.of(dimension, month, area, need))) {
        found.add(row);
      }
    }
    assertThat(found).as(dimension + " " + month + " " + area + " " + need).hasSize(1);
    return found.get(0).get(4);
  }
}
