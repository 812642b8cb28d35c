package org.signpost.core.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.time.Clocks;
import org.signpost.search.SearchFilters;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;
import org.signpost.search.Synonyms;
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
  private final CrisisDetector crisisDetector = new CrisisDetector();
  private final CrisisRoutes crisisRoutes;
  private final SynonymSource synonymSource;
  private final Object catchUpLock = new Object();
  private volatile long synonymVersion;
  private volatile Instant lastPoll = Instant.EPOCH;
  private volatile String highWater = "";
  private volatile boolean ready;
  private final AtomicBoolean catchingUp = new AtomicBoolean();
  private volatile int failures;
  private volatile Instant retryAt = Instant.EPOCH;
  private volatile Instant caughtUpAt;
  private volatile Instant catchUpStarted = Instant.EPOCH;

  /** Crisis pinning shows at most this many crisis services above the results. */
  static final int MAX_PINNED = 3;

  public SearchService(
      SearchIndex index, ListingChangeFeed feed, Clock clock, Duration pollInterval) {
    this(index, feed, clock, pollInterval, CrisisRoutes.bundled(), SynonymSource.NONE);
  }

  public SearchService(
      SearchIndex index,
      ListingChangeFeed feed,
      Clock clock,
      Duration pollInterval,
      CrisisRoutes crisisRoutes,
      SynonymSource synonymSource) {
    this.index = index;
    this.feed = feed;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.crisisRoutes = crisisRoutes;
    this.synonymSource = synonymSource;
  }

  /** Builds the index from a full scan. Call once, at init. */
  public void build() {
    synchronized (catchUpLock) {
      Instant started = clock.instant();
      AtomicInteger seen = new AtomicInteger();
      feed.scanAll(
          listing -> {
            seen.incrementAndGet();
            index.apply(ListingProjection.toIndexed(listing, today()));
            advance(listing);
          });
      reloadSynonyms();
      index.refresh();
      lastPoll = started;
      caughtUpAt = started;
      ready = true;
      LOG.info(
          "index built: {} listings scanned, {} searchable, {} ms",
          seen.get(),
          index.size(),
          Duration.between(started, clock.instant()).toMillis());
    }
  }

  /**
   * Pulls changes if the last poll is older than the poll interval. When the store cannot be read,
   * the index keeps answering as it is, the failure is recorded for {@link #health()}, and the next
   * attempt waits out a growing backoff. Only one thread ever waits on the store: the others answer
   * from the index while it tries.
   */
  public void catchUp() {
    Instant asked = clock.instant();
    if (Duration.between(lastPoll, asked).compareTo(pollInterval) < 0 || asked.isBefore(retryAt)) {
      return;
    }
    if (!catchingUp.compareAndSet(false, true)) {
      return;
    }
    catchUpStarted = asked;
    try {
      synchronized (catchUpLock) {
        Instant now = clock.instant();
        if (Duration.between(lastPoll, now).compareTo(pollInterval) < 0) {
          return;
        }
        int applied = 0;
        try {
          String from = highWater.isEmpty() ? "" : rewind(highWater);
          List<Listing> changed = feed.changedSince(from);
          for (Listing listing : changed) {
            if (index.apply(ListingProjection.toIndexed(listing, today()))) {
              applied++;
            }
            advance(listing);
          }
          reloadSynonyms();
          lastPoll = now;
          caughtUpAt = now;
          if (failures > 0) {
            LOG.info("index catch-up recovered after {} failed attempts", failures);
          }
          failures = 0;
          retryAt = Instant.EPOCH;
        } catch (RuntimeException e) {
          failures++;
          Duration wait = backoff(failures);
          retryAt = now.plus(wait);
          // The exception names the store's failure, never listing or personal data.
          LOG.warn(
              "index catch-up failed ({} in a row), answering from the index; retry in {} ms: {}",
              failures,
              wait.toMillis(),
              e.toString());
        } finally {
          if (applied > 0) {
            index.refresh();
            LOG.info("index caught up: {} changes applied", applied);
          }
        }
      }
    } finally {
      catchingUp.set(false);
    }
  }

  /** Waits between failed catch-up attempts: 1 s, doubling to at most 30 s. */
  static Duration backoff(int failures) {
    long seconds = 1L << Math.min(failures - 1, 5);
    return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
  }

  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A catch-up still waiting on the store after this long makes the index count as behind. */
  static final Duration HANGING_AFTER = Duration.ofSeconds(5);

  /**
   * Whether this index can answer and whether it is keeping up with the store.
   *
   * @param ready the index was built and answers searches
   * @param caughtUp the last catch-up with the store succeeded
   * @param failures failed catch-up attempts since the last success
   * @param indexAge time since the index last caught up with the store
   */
  public record Health(boolean ready, boolean caughtUp, int failures, Duration indexAge) {}

  /** Tries a catch-up if one is due, then reports; never blocks behind another catch-up. */
  public Health health() {
    if (ready) {
      catchUp();
    }
    int failed = failures;
    Instant now = clock.instant();
    Instant at = caughtUpAt;
    Duration age = at == null ? Duration.ZERO : Duration.between(at, now);
    // A store that hangs rather than refuses fails no attempt for a long time; say so meanwhile.
    boolean hanging =
        catchingUp.get() && Duration.between(catchUpStarted, now).compareTo(HANGING_AFTER) > 0;
    return new Health(
        ready, failed == 0 && !hanging, failed, age.isNegative() ? Duration.ZERO : age);
  }

  /** Searches after catching up. */
  public SearchHits search(SearchQuery query) {
    catchUp();
    return index.search(query);
  }

  /**
   * Searches after catching up; when the text signals distress, the crisis routes come back too and
   * crisis services are pinned above the first page.
   */
  public SearchResult find(SearchQuery query) {
    SearchHits hits = search(query);
    if (!crisisDetector.signalsDistress(query.text())) {
      return new SearchResult(hits, List.of());
    }
    if (query.cursor() == null) {
      SearchQuery crisisServices =
          new SearchQuery(
              "",
              SearchFilters.NONE.crisisServicesOnly(),
              query.point(),
              null,
              SearchQuery.SortOrder.RELEVANCE,
              MAX_PINNED,
              null,
              query.today());
      Map<String, SearchHits.Hit> pinned = new LinkedHashMap<>();
      for (SearchHits.Hit hit : index.search(crisisServices).hits()) {
        pinned.put(hit.id(), hit);
      }
      for (SearchHits.Hit hit : hits.hits()) {
        pinned.putIfAbsent(hit.id(), hit);
      }
      hits = hits.withHits(new ArrayList<>(pinned.values()));
    }
    return new SearchResult(hits, crisisRoutes.routes());
  }

  /** Up to eight completions, after catching up so new listing names appear. */
  public List<String> suggest(String prefix) {
    catchUp();
    return index.suggest(prefix);
  }

  /** Swaps the query analyzer when an admin saved a new synonym list. */
  private void reloadSynonyms() {
    Optional<SynonymSource.Edited> edited = synonymSource.current();
    long version = edited.map(SynonymSource.Edited::version).orElse(0L);
    if (version == synonymVersion) {
      return;
    }
    try {
      Synonyms synonyms =
          edited
              .map(e -> Synonyms.parse(Synonyms.bundledText() + "\n" + e.text()))
              .orElseGet(Synonyms::bundled);
      index.useSynonyms(synonyms);
      synonymVersion = version;
      LOG.info("synonyms loaded: version {}", version);
    } catch (IllegalArgumentException e) {
      // The admin route validates before saving, so this is a list saved some other way; keep
      // the analyzer that works rather than failing searches.
      LOG.warn("synonyms version {} could not be parsed; keeping the previous list", version);
      synonymVersion = version;
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Clocks.LONDON));
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
