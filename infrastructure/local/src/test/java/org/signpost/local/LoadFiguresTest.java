package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoadFiguresTest {
  private static final long MS = 1_000_000L;

  @Test
  void of_givesNearestRankPercentiles_andTheRate_whateverTheOrder() {
    // 1..200 ms, shuffled by stepping through them with a stride coprime to 200.
    long[] latencies = LongStream.range(0, 200).map(i -> ((i * 77) % 200 + 1) * MS).toArray();

    LoadFigures figures = LoadFigures.of(latencies, 3, Duration.ofSeconds(4));

    assertThat(figures.requests()).isEqualTo(200);
    assertThat(figures.errors()).isEqualTo(3);
    assertThat(figures.perSecond()).isEqualTo(50.0);
    assertThat(figures.p50Ms()).isEqualTo(100.0);
    assertThat(figures.p99Ms()).isEqualTo(198.0);
    assertThat(figures.maxMs()).isEqualTo(200.0);
  }

  @Test
  void of_aSingleSlowRequest_showsInP99OnlyWhenItIsOverOnePercent() {
    long[] mostlyFast = LongStream.range(0, 1000).map(i -> i == 500 ? 900 * MS : 2 * MS).toArray();

    LoadFigures figures = LoadFigures.of(mostlyFast, 0, Duration.ofSeconds(1));

    assertThat(figures.p50Ms()).isEqualTo(2.0);
    assertThat(figures.p99Ms()).isEqualTo(2.0);
    assertThat(figures.maxMs()).isEqualTo(900.0);
    assertThat(figures.summary()).contains("1,000 requests", "p99 2.0 ms", "max 900.0 ms");
  }

  @Test
  void of_noRequests_isAllZero() {
    LoadFigures figures = LoadFigures.of(new long[0], 0, Duration.ZERO);

    assertThat(figures.requests()).isZero();
    assertThat(figures.perSecond()).isZero();
    assertThat(figures.p50Ms()).isZero();
    assertThat(figures.p99Ms()).isZero();
  }
}
