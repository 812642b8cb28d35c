package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryOrganisations;
import org.signpost.core.fakes.InMemoryRevisions;
import org.signpost.core.fakes.Listings;
import org.signpost.core.fakes.MutableClock;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingService;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;

/** Search keeps answering from its index while the change log cannot be read, then catches up. */
class SearchOutageTest {
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
  private final InMemoryListings listings = new InMemoryListings();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
  private final ListingService service =
      new ListingService(
          listings, new InMemoryOrganisations(), new InMemoryRevisions(), clock, true);
  private final FlakyFeed feed = new FlakyFeed(listings);
  private final SearchService search =
      new SearchService(new SearchIndex(), feed, clock, Duration.ofSeconds(1));

  /** The store's change log, which can be made to fail or to hang like a dead connection. */
  static final class FlakyFeed implements ListingChangeFeed {
    private final ListingChangeFeed store;
    volatile boolean down;
    volatile CountDownLatch hang;
    final AtomicInteger reads = new AtomicInteger();

    FlakyFeed(ListingChangeFeed store) {
      this.store = store;
    }

    @Override
    public void scanAll(Consumer<Listing> sink) {
      store.scanAll(sink);
    }

    @Override
    public List<Listing> changedSince(String afterChangeKey) {
      reads.incrementAndGet();
      CountDownLatch latch = hang;
      if (latch != null) {
        try {
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (down) {
        throw new IllegalStateException("Unable to execute HTTP request: Connection refused");
      }
      return store.changedSince(afterChangeKey);
    }
  }

  private static SearchQuery text(String q) {
    return new SearchQuery(q, List.of(), null, null, 10, null);
  }

  private List<String> ids(String q) {
    return search.search(text(q)).hits().stream().map(h -> h.id()).toList();
  }

  @Test
  void search_answersFromTheIndex_whileTheChangeLogFails_thenCatchesUpWithNothingMissed() {
    Listing before = service.create(ADMIN, Optional.of("org-a"), Listings.content("Knit Club"));
    search.build();
    assertThat(search.find(text("knit")).stale()).as("fresh before the outage").isFalse();
    feed.down = true;
    Listing during =
        service.create(ADMIN, Optional.of("org-a"), Listings.content("Knit and Natter"));
    clock.advance(Duration.ofSeconds(2));

    assertThat(ids("knit")).containsExactly(before.id());
    assertThat(search.find(text("knit")).stale()).as("answered from an index behind").isTrue();
    SearchService.Health degraded = search.health();
    assertThat(degraded.ready()).isTrue();
    assertThat(degraded.caughtUp()).isFalse();
    assertThat(degraded.failures()).isEqualTo(1);
    assertThat(degraded.indexAge()).isEqualTo(Duration.ofSeconds(2));

    feed.down = false;
    clock.advance(Duration.ofSeconds(2));

    assertThat(ids("knit")).containsExactlyInAnyOrder(before.id(), during.id());
    assertThat(search.find(text("knit")).stale()).isFalse();
    assertThat(search.health().caughtUp()).isTrue();
    assertThat(search.health().failures()).isZero();
  }

  @Test
  void catchUp_backsOffAfterEachFailure_insteadOfHittingADeadStoreOnEveryRequest() {
    search.build();
    feed.down = true;
    clock.advance(Duration.ofSeconds(2));
    search.catchUp();
    assertThat(feed.reads).hasValue(1);

    // Within the first backoff (1 s) every search answers without touching the store.
    for (int i = 0; i < 20; i++) {
      search.search(text("knit"));
    }
    clock.advance(Duration.ofMillis(900));
    search.search(text("knit"));
    assertThat(feed.reads).hasValue(1);

    clock.advance(Duration.ofMillis(200));
    search.search(text("knit"));
    assertThat(feed.reads).hasValue(2);
    // The second failure waits 2 s.
    clock.advance(Duration.ofMillis(1500));
    search.search(text("knit"));
    assertThat(feed.reads).hasValue(2);
    assertThat(SearchService.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SearchService.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(SearchService.backoff(50)).isEqualTo(SearchService.MAX_BACKOFF);
  }

  @Test
  void search_neverWaitsBehindAnotherThreadsCatchUp() throws Exception {
    Listing known = service.create(ADMIN, Optional.of("org-a"), Listings.content("Men's Shed"));
    search.build();
    feed.hang = new CountDownLatch(1);
    clock.advance(Duration.ofSeconds(2));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CompletableFuture<List<String>> stuck =
        CompletableFuture.supplyAsync(() -> ids("shed"), threads);
    while (feed.reads.get() == 0) {
      Thread.onSpinWait();
    }

    // This thread answers from the index at once, although the other one holds the catch-up.
    CompletableFuture<List<String>> other =
        CompletableFuture.supplyAsync(() -> ids("shed"), threads);
    assertThat(other.get(5, TimeUnit.SECONDS)).containsExactly(known.id());
    assertThat(stuck).isNotDone();

    assertThat(search.health().caughtUp()).isTrue();
    clock.advance(SearchService.HANGING_AFTER.plusSeconds(1));
    assertThat(search.health().caughtUp()).as("a hanging store is reported").isFalse();

    feed.hang.countDown();
    assertThat(stuck.get(5, TimeUnit.SECONDS)).containsExactly(known.id());
    assertThat(search.health().caughtUp()).isTrue();
    threads.shutdown();
  }
}
