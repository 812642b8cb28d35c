package org.signpost.handlers.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.search.SearchIndex;

class SnapStartHooksTest {
  /** An empty store that counts change-log reads. */
  private static final class CountingFeed implements ListingChangeFeed {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void scanAll(Consumer<Listing> sink) {}

    @Override
    public List<Listing> changedSince(String afterChangeKey) {
      reads.incrementAndGet();
      return List.of();
    }
  }

  private final CountingFeed feed = new CountingFeed();
  private final SearchService search =
      new SearchService(new SearchIndex(), feed, Clock.systemUTC(), Duration.ofHours(1));
  private final SnapStartHooks hooks =
      new SnapStartHooks(search, new SearchParams(OutcodeGeocoder.bundled(), Clock.systemUTC()));

  @Test
  void beforeCheckpoint_runsEveryPrimingSearch_withAndWithoutPlaceAndFilters() {
    search.build();

    assertThat(hooks.prime()).isEqualTo(SnapStartHooks.PRIMING_QUERIES.size() * 2);
  }

  @Test
  void afterRestore_catchesUpAtOnce_evenWithinThePollInterval() {
    search.build();
    search.catchUp();
    int before = feed.reads.get();

    hooks.afterRestore(null);

    assertThat(feed.reads.get()).isEqualTo(before + 1);
  }
}
