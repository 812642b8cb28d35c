package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.signpost.core.fakes.InMemoryUnmetNeeds;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.geo.Places;
import org.signpost.core.report.UnmetNeed;
import org.signpost.search.SearchQuery;

class UnmetNeedTallyTest {
  private static final Instant NOVEMBER = Instant.parse("2026-11-30T23:30:00Z");
  private final MutableClock clock = new MutableClock(NOVEMBER);
  private final InMemoryUnmetNeeds store = new InMemoryUnmetNeeds();
  private final List<Runnable> queued = new ArrayList<>();
  private final UnmetNeedTally tally =
      new UnmetNeedTally(store, clock, Duration.ofMinutes(1), queued::add);
  private final SearchParams params =
      new SearchParams(OutcodeGeocoder.bundled(), Clock.fixed(NOVEMBER, java.time.ZoneOffset.UTC));

  private SearchQuery query(String... pairs) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return params.read(map);
  }

  @Test
  void record_countsUnderEachNeedAndCategory_byMonthAndOutwardCode() {
    SearchQuery query = query("q", "tai chi", "need", "loneliness", "category", "walking");

    boolean counted = tally.record(query, Places.outwardCode("b11 4ab"), 2);

    assertThat(counted).isTrue();
    assertThat(tally.pending())
        .containsOnly(
            Map.entry(new UnmetNeed("2026-11", "B11", "need:loneliness"), 1L),
            Map.entry(new UnmetNeed("2026-11", "B11", "category:walking"), 1L));
  }

  @Test
  void record_usesTheLondonMonth_andUnknownAndUncategorised_whenNotGiven() {
    clock.advance(Duration.ofHours(1)); // 00:30 on 1 December in London (GMT)

    tally.record(query("q", "origami"), Optional.empty(), 0);

    assertThat(tally.pending())
        .containsOnly(Map.entry(new UnmetNeed("2026-12", "unknown", "uncategorised"), 1L));
  }

  @Test
  void record_ignoresEnoughResults_laterPages_andSearchesThatAskedNothing() {
    assertThat(tally.record(query("need", "housing"), Optional.empty(), 3)).isFalse();
    assertThat(tally.record(query("need", "housing", "cursor", "abc"), Optional.empty(), 0))
        .isFalse();
    assertThat(tally.record(query(), Optional.empty(), 0)).isFalse();

    assertThat(tally.pending()).isEmpty();
  }

  @Test
  void record_keepsNoQueryText() {
    tally.record(query("q", "my neighbour Joan is lonely"), Places.outwardCode("B11 4AB"), 0);

    assertThat(tally.pending().keySet().toString()).doesNotContain("Joan", "lonely", "4AB");
  }

  @Test
  void flush_writesOnlyAfterTheInterval_andInTheBackground() {
    tally.record(query("need", "housing"), Places.outwardCode("B11"), 0);
    assertThat(queued).isEmpty();

    clock.advance(Duration.ofSeconds(61));
    tally.record(query("need", "housing"), Places.outwardCode("B11"), 1);
    tally.record(query("need", "housing"), Places.outwardCode("B11"), 1);

    assertThat(queued).hasSize(1);
    assertThat(store.all()).isEmpty();
    queued.get(0).run();
    assertThat(store.all())
        .containsOnly(Map.entry(new UnmetNeed("2026-11", "B11", "need:housing"), 3L));
    assertThat(tally.pending()).isEmpty();
  }

  @Test
  void flush_keepsCountsWhoseWriteFailed_forTheNextFlush() {
    tally.record(query("need", "housing"), Places.outwardCode("B11"), 0);
    tally.record(query("need", "carers"), Places.outwardCode("B12"), 0);
    store.failNext(1);

    int written = tally.flush();
    tally.record(query("need", "carers"), Places.outwardCode("B12"), 0);
    tally.flush();

    assertThat(written).isZero();
    assertThat(store.all())
        .containsOnly(
            Map.entry(new UnmetNeed("2026-11", "B11", "need:housing"), 1L),
            Map.entry(new UnmetNeed("2026-11", "B12", "need:carers"), 2L));
  }

  @Test
  void flush_losesAndDoublesNothing_whileSearchesCountConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    SearchQuery query = query("need", "bereavement");
    int perThread = 5_000;
    for (int t = 0; t < 4; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < perThread; i++) {
              tally.record(query, Places.outwardCode("B11"), 0);
            }
          });
    }
    for (int i = 0; i < 50; i++) {
      tally.flush();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    tally.flush();

    assertThat(store.all().get(new UnmetNeed("2026-11", "B11", "need:bereavement")))
        .isEqualTo(4L * perThread);
  }
}
