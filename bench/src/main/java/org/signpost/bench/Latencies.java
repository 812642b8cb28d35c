package org.signpost.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples of one scenario, in nanoseconds. Not thread-safe. */
final class Latencies {
  private final long[] samples;
  private int size;

  Latencies(int capacity) {
    samples = new long[capacity];
  }

  void add(long nanos) {
    samples[size++] = nanos;
  }

  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int at = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
    return sorted[Math.max(0, at)] / 1_000_000.0;
  }

  String summary() {
    return String.format(
        Locale.ROOT, "p50 %.3f ms | p99 %.3f ms", percentileMillis(50), percentileMillis(99));
  }

  int size() {
    return size;
  }

  /** Times {@code iterations} runs after {@code warmup} untimed ones. */
  static Latencies measure(int warmup, int iterations, IntTask task) throws Exception {
    for (int i = 0; i < warmup; i++) {
      task.run(i);
    }
    Latencies out = new Latencies(iterations);
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      task.run(warmup + i);
      out.add(System.nanoTime() - start);
    }
    return out;
  }

  /** One benchmarked call; the argument picks a query from a pool. */
  interface IntTask {
    void run(int i) throws Exception;
  }
}
