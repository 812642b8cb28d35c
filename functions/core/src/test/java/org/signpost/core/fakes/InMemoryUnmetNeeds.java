package org.signpost.core.fakes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.signpost.core.report.UnmetNeed;
import org.signpost.core.report.UnmetNeedStore;

/** Unmet-need counters in a map; can be told to fail the next writes. Thread-safe. */
public final class InMemoryUnmetNeeds implements UnmetNeedStore {
  private final Map<UnmetNeed, Long> counts = new ConcurrentHashMap<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  @Override
  public void add(UnmetNeed cell, long count) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("store unavailable");
    }
    writes.incrementAndGet();
    counts.merge(cell, count, Long::sum);
  }

  @Override
  public Map<UnmetNeed, Long> all() {
    return Map.copyOf(counts);
  }

  /** The next {@code n} writes throw. */
  public void failNext(int n) {
    failNext.set(n);
  }

  public int writes() {
    return writes.get();
  }
}
