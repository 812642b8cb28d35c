package org.signpost.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a load run measured: how many requests, how many failed, the rate, and latency percentiles
 * (nearest rank) in milliseconds. Immutable.
 *
 * @param requests requests sent and answered or failed
 * @param errors requests that failed (a non-2xx answer or no answer)
 * @param perSecond requests a second over the run
 */
record LoadFigures(
    long requests, long errors, double perSecond, double p50Ms, double p99Ms, double maxMs) {

  /** Summarises the latencies (nanoseconds, any order) of requests sent during {@code elapsed}. */
  static LoadFigures of(long[] latencyNanos, long errors, Duration elapsed) {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    double seconds = elapsed.toNanos() / 1e9;
    return new LoadFigures(
        sorted.length,
        errors,
        seconds > 0 ? sorted.length / seconds : 0,
        percentileMs(sorted, 50),
        percentileMs(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  /** The smallest sample at or above {@code p} percent of them (nearest rank); 0 with none. */
  static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "%,d requests, %.1f a second, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors",
        requests,
        perSecond,
        p50Ms,
        p99Ms,
        maxMs,
        errors);
  }
}
