package org.signpost.core.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.signpost.core.report.UnmetNeed;
import org.signpost.core.report.UnmetNeedStore;
import org.signpost.core.time.Clocks;
import org.signpost.search.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts searches that found little, anonymously, by month, outward code and need, and adds the
 * counts to the store in the background: a search pays for a map update, never for a store write.
 * Counts wait in memory until the flush interval has passed since the last flush, then the next
 * search hands them to the executor; {@link #flush()} writes them at once (at shutdown, say).
 *
 * <p>Thread-safe: each cell is updated and drained atomically, so no count is lost or counted twice
 * between searches and a flush; a failed write puts its count back for the next flush.
 */
public final class UnmetNeedTally {
  private static final Logger LOG = LoggerFactory.getLogger(UnmetNeedTally.class);

  /** A first page with fewer results than this counts as unmet need. */
  public static final int FEW_RESULTS = 3;

  private final ConcurrentHashMap<UnmetNeed, Long> pending = new ConcurrentHashMap<>();
  private final UnmetNeedStore store;
  private final Clock clock;
  private final Duration interval;
  private final Executor executor;
  private final AtomicBoolean flushing = new AtomicBoolean();
  private volatile Instant lastFlush;

  /**
   * @param interval the least time between background flushes
   * @param executor runs background flushes
   */
  public UnmetNeedTally(UnmetNeedStore store, Clock clock, Duration interval, Executor executor) {
    this.store = store;
    this.clock = clock;
    this.interval = interval;
    this.executor = executor;
    this.lastFlush = clock.instant();
  }

  /** Counts nothing and writes nothing. */
  public static UnmetNeedTally none() {
    return new UnmetNeedTally(UnmetNeedStore.NONE, Clock.systemUTC(), Duration.ofDays(1), r -> {});
  }

  /**
   * Counts a search that found fewer than {@link #FEW_RESULTS}: once under each need and category
   * it filtered on, or as uncategorised. Later pages and searches that asked for nothing (no words,
   * need, category or place) are not counted. The query's text is never kept.
   *
   * @param outwardCode the outward code of the postcode the search gave, if it gave one
   * @param total how many results the search found
   * @return whether it was counted
   */
  public boolean record(SearchQuery query, Optional<String> outwardCode, long total) {
    if (query.cursor() != null || total >= FEW_RESULTS) {
      return false;
    }
    List<String> needs = new ArrayList<>();
    query.filters().needs().forEach(n -> needs.add("need:" + n));
    query.filters().categories().forEach(c -> needs.add("category:" + c));
    boolean asked =
        !needs.isEmpty()
            || outwardCode.isPresent()
            || query.point() != null
            || (query.text() != null && !query.text().isBlank());
    if (!asked) {
      return false;
    }
    if (needs.isEmpty()) {
      needs.add(UnmetNeed.UNCATEGORISED);
    }
    String month = YearMonth.from(clock.instant().atZone(Clocks.LONDON)).toString();
    String area = outwardCode.orElse(UnmetNeed.UNKNOWN);
    for (String need : needs) {
      pending.merge(new UnmetNeed(month, area, need), 1L, Long::sum);
    }
    flushIfDue();
    return true;
  }

  /** Counts not yet written, for tests and the shutdown log line. */
  public Map<UnmetNeed, Long> pending() {
    return Map.copyOf(pending);
  }

  /**
   * Writes every pending count now, on this thread; a count whose write fails stays pending.
   *
   * @return how many cells were written
   */
  public int flush() {
    Map<UnmetNeed, Long> taken = new HashMap<>();
    for (UnmetNeed cell : pending.keySet()) {
      pending.computeIfPresent(
          cell,
          (key, count) -> {
            taken.put(key, count);
            return null;
          });
    }
    int written = 0;
    RuntimeException failure = null;
    for (Map.Entry<UnmetNeed, Long> cell : taken.entrySet()) {
      if (failure == null) {
        try {
          store.add(cell.getKey(), cell.getValue());
          written++;
          continue;
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      pending.merge(cell.getKey(), cell.getValue(), Long::sum);
    }
    if (failure != null) {
      LOG.warn(
          "unmet-need counts not written ({} cells kept for the next flush): {}",
          taken.size() - written,
          failure.toString());
    }
    return written;
  }

  private void flushIfDue() {
    Instant now = clock.instant();
    if (Duration.between(lastFlush, now).compareTo(interval) < 0
        || !flushing.compareAndSet(false, true)) {
      return;
    }
    lastFlush = now;
    try {
      executor.execute(
          () -> {
            try {
              flush();
            } finally {
              flushing.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      flushing.set(false);
    }
  }
}
