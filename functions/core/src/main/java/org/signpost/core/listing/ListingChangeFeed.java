package org.signpost.core.listing;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Port to the listings change log: every write is findable by its change key {@code
 * lastModified#id}, so a search environment can pull what changed since its high-water mark.
 */
public interface ListingChangeFeed {

  /** Streams every listing, in any status, for a full rebuild. */
  void scanAll(Consumer<Listing> sink);

  /** Listings whose change key is greater than {@code afterChangeKey}, oldest first. */
  List<Listing> changedSince(String afterChangeKey);

  /**
   * As {@link #changedSince(String)}, without the listings for which {@code known} says the reader
   * already has that version (by id and version). A store may then skip decoding them: a catch-up
   * re-reads a few seconds of the log it has seen, and decoding those costs a cold start time.
   */
  default List<Listing> changedSince(String afterChangeKey, BiPredicate<String, Long> known) {
    return changedSince(afterChangeKey).stream()
        .filter(listing -> !known.test(listing.id(), listing.version()))
        .toList();
  }
}
