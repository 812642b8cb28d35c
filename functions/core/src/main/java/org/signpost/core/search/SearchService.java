package org.signpost.core.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.time.Clocks;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one execution environment's index in step with the store and answers searches. It builds
 * from a full scan at start, then pulls the change log at most once per poll interval before
 * answering.
 *
 * <p>Thread-safe: catch-up is serialised; searches run concurrently against the last refresh.
 */
public final class SearchService {
  private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

  /**
   * Writers stamp their own clock, so a write can land with a key just below the high-water mark.
   * Re-reading this window each poll catches those; versions make the replays harmless.
   */
  static final Duration OVERLAP = Duration.ofSeconds(5);

  private final SearchIndex index;
  private final ListingChangeFeed feed;
  private final Clock clock;
  private final Duration pollInterval;
  private final Object catchUpLock = new Object();
  private volatile Instant lastPoll = Instant.EPOCH;
  private volatile String highWater = "";
  private volatile boolean ready;

  public SearchService(
      SearchIndex index, ListingChangeFeed feed, Clock clock, Duration pollInterval) {
    this.index = index;
    this.feed = feed;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  /** Builds the index from a full scan. Call once, at init. */
  public void build() {
    synchronized (catchUpLock) {
      Instant started = clock.instant();
      AtomicInteger seen = new AtomicInteger();
      feed.scanAll(
          listing -> {
            seen.incrementAndGet();
            index.apply(ListingProjection.toIndexed(listing));
            advance(listing);
          });
      index.refresh();
      lastPoll = started;
      ready = true;
      LOG.info(
          "index built: {} listings scanned, {} searchable, {} ms",
          seen.get(),
          index.size(),
          Duration.between(started, clock.instant()).toMillis());
    }
  }

  /** Pulls changes if the last poll is older than the poll interval. */
  public void catchUp() {
    if (Duration.between(lastPoll, clock.instant()).compareTo(pollInterval) < 0) {
      return;
    }
    synchronized (catchUpLock) {
      Instant now = clock.instant();
      if (Duration.between(lastPoll, now).compareTo(pollInterval) < 0) {
        return;
      }
      String from = highWater.isEmpty() ? "" : rewind(highWater);
      List<Listing> changed = feed.changedSince(from);
      int applied = 0;
      for (Listing listing : changed) {
        if (index.apply(ListingProjection.toIndexed(listing))) {
          applied++;
        }
        advance(listing);
      }
      if (applied > 0) {
        index.refresh();
        LOG.info("index caught up: {} changes applied", applied);
      }
      lastPoll = now;
    }
  }

  /** Searches after catching up. */
  public SearchHits search(SearchQuery query) {
    catchUp();
    return index.search(query);
  }

  public boolean ready() {
    return ready;
  }

  public int size() {
    return index.size();
  }

  private void advance(Listing listing) {
    String key = changeKey(listing);
    if (key.compareTo(highWater) > 0) {
      highWater = key;
    }
  }

  /** The change-log sort key: sortable lastModified, then id. */
  public static String changeKey(Listing listing) {
    return Clocks.sortable(listing.lastModified()) + "#" + listing.id();
  }

  private static String rewind(String key) {
    Instant at = Instant.parse(key.substring(0, key.indexOf('#')));
    return Clocks.sortable(at.minus(OVERLAP));
  }
}
