package org.signpost.core.listing;

import java.util.List;
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
}
