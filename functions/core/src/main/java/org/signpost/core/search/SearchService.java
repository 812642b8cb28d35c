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
import org.signpost.core.embed.Embedder;
import org.signpost.core.embed.Embedding;
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

  private volatile SearchIndex index;
  private final ListingChangeFeed feed;
  private final Clock clock;
  private final Duration pollInterval;
  private final CrisisDetector crisisDetector = new CrisisDetector();
  private final CrisisRoutes crisisRoutes;
  private final SynonymSource synonymSource;
  private final Embedder embedder;
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
    this(index, feed, clock, pollInterval, crisisRoutes, synonymSource, Embedder.NONE);
  }

  /**
   * @param embedder embeds query text for the semantic leg; {@link Embedder#NONE}, or a model that
   *     failed to load, means keyword search only
   */
  public SearchService(
      SearchIndex index,
      ListingChangeFeed feed,
      Clock clock,
      Duration pollInterval,
      CrisisRoutes crisisRoutes,
      SynonymSource synonymSource,
      Embedder embedder) {
    this.embedder = embedder;
    this.index = index;
    this.feed = feed;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.crisisRoutes = crisisRoutes;
    this.synonymSource = synonymSource;
  }

  /** How many of the newest snapshots are tried before falling back to a scan. */
  static final int SNAPSHOT_ATTEMPTS = 3;

  /** Snapshots kept after a new one is written; older ones are deleted. */
  static final int SNAPSHOTS_KEPT = 3;

  /**
   * Opens the newest snapshot that checks out and catches up from the change log; with none (or
   * none usable) builds from a full scan. Call once, at init.
   *
   * @return the key of the snapshot used, or empty when the index was built from a scan
   */
  public Optional<String> start(IndexSnapshots snapshots) {
    List<String> keys;
    try {
      keys = snapshots.newestFirst();
    } catch (RuntimeException e) {
      LOG.warn("snapshot store unreadable, building from a scan: {}", e.toString());
      keys = List.of();
    }
    for (String key : keys.subList(0, Math.min(SNAPSHOT_ATTEMPTS, keys.size()))) {
      Instant started = clock.instant();
      try {
        SearchIndex.Loaded loaded =
            snapshots instanceof PrefetchedSnapshots prefetched
                ? prefetched.open(key, index::openSnapshot)
                : index.openSnapshot(snapshots.read(key));
        synchronized (catchUpLock) {
          SearchIndex previous = index;
          index = loaded.index();
          if (previous != index) {
            if (synonymVersion != 0) {
              // Opened in the background with the bundled list; the edited one was read since.
              index.useSynonyms(previous.synonyms());
            }
            closeQuietly(previous);
          }
          highWater = loaded.highWater();
          lastPoll = Instant.EPOCH;
        }
        catchUp();
        ready = true;
        LOG.info(
            "index opened from snapshot {} ({} listings) and caught up in {} ms",
            key,
            index.size(),
            Duration.between(started, clock.instant()).toMillis());
        return Optional.of(key);
      } catch (RuntimeException e) {
        // A damaged, partial or unreadable snapshot is never used; the next older one, or a
        // scan, takes its place.
        LOG.warn("snapshot {} refused: {}", key, e.getMessage());
      }
    }
    build();
    return Optional.empty();
  }

  /**
   * Writes a snapshot of the index as it stands (call after {@link #start} or {@link #build}),
   * keyed by the change-log position it covers, and deletes all but the newest few.
   *
   * @return the new snapshot's key
   */
  public String writeSnapshot(IndexSnapshots snapshots) {
    String covered;
    byte[] bytes;
    synchronized (catchUpLock) {
      covered = highWater;
      bytes = index.snapshot(covered);
    }
    String position = covered.isEmpty() ? "0" : covered.substring(0, covered.indexOf('#'));
    String key =
        position
            + "_"
            + Clocks.sortable(clock.instant())
            + "_"
            + java.util.UUID.randomUUID().toString().substring(0, 8)
            + ".snapshot";
    snapshots.write(key, bytes);
    List<String> all = snapshots.newestFirst();
    for (String old : all.subList(Math.min(SNAPSHOTS_KEPT, all.size()), all.size())) {
      try {
        snapshots.delete(old);
      } catch (RuntimeException e) {
        LOG.warn("old snapshot {} not deleted: {}", old, e.toString());
      }
    }
    LOG.info("snapshot {} written: {} bytes, {} listings", key, bytes.length, index.size());
    return key;
  }

  private static void closeQuietly(SearchIndex old) {
    try {
      old.close();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("could not close the replaced index: {}", e.toString());
    }
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
          SearchIndex current = index;
          List<Listing> changed =
              feed.changedSince(from, (id, version) -> version != null && current.has(id, version));
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
    return new Health(ready, !behind(failed, now), failed, age.isNegative() ? Duration.ZERO : age);
  }

  /** Whether the index is behind the store: its last catch-up failed, or one is hanging. */
  private boolean behind(int failed, Instant now) {
    // A store that hangs rather than refuses fails no attempt for a long time; say so meanwhile.
    boolean hanging =
        catchingUp.get() && Duration.between(catchUpStarted, now).compareTo(HANGING_AFTER) > 0;
    return failed > 0 || hanging;
  }

  /** Catches up now, whatever the poll interval: after a SnapStart restore, say. */
  public void catchUpNow() {
    lastPoll = Instant.EPOCH;
    catchUp();
  }

  /** Searches after catching up, with the semantic leg when the model is available. */
  public SearchHits search(SearchQuery query) {
    catchUp();
    return index.search(withMeaning(query));
  }

  /** The query with its text's embedding; unchanged when there is no text or no model. */
  private SearchQuery withMeaning(SearchQuery query) {
    if (query.vector() != null
        || query.text().isBlank()
        || query.sort() != SearchQuery.SortOrder.RELEVANCE
        || !embedder.ready()) {
      return query;
    }
    try {
      String text = index.respell(clip(query.text()));
      return query.withVector(Embedding.quantise(embedder.embed(text)));
    } catch (RuntimeException e) {
      LOG.warn("query embedding failed; answering by keywords alone: {}", e.toString());
      return query;
    }
  }

  /** The model reads a few hundred word pieces at most; more text only costs time. */
  static String clip(String text) {
    return text.length() <= MAX_EMBEDDED_CHARS ? text : text.substring(0, MAX_EMBEDDED_CHARS);
  }

  static final int MAX_EMBEDDED_CHARS = 1000;

  /** Whether searches use the semantic leg now: false while the model loads or if it failed. */
  public boolean semantic() {
    return embedder.ready();
  }

  /** Waits for the embedding model to load (or fail), for priming before a snapshot. */
  public boolean awaitModel() {
    return embedder.available();
  }

  /**
   * Searches after catching up; when the text signals distress, the crisis routes come back too and
   * crisis services are pinned above the first page.
   */
  public SearchResult find(SearchQuery query) {
    SearchQuery withMeaning = withMeaning(query);
    boolean semantic = withMeaning.vector() != null;
    SearchHits hits = search(withMeaning);
    // Read after the catch-up this search tried, so the flag describes the answer just given.
    boolean stale = behind(failures, clock.instant());
    if (!crisisDetector.signalsDistress(query.text())) {
      return new SearchResult(hits, List.of(), semantic, stale);
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
    return new SearchResult(hits, crisisRoutes.routes(), semantic, stale);
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
