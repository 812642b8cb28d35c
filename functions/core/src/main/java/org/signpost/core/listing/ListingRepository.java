package org.signpost.core.listing;

import java.util.List;
import java.util.Optional;

/** Port to the listings store, the source of truth. Implementations are thread-safe. */
public interface ListingRepository {

  Optional<Listing> find(String id);

  /**
   * Stores a new listing.
   *
   * @return the stored listing with its first version
   * @throws org.signpost.core.errors.SignpostException.Conflict if the id exists
   */
  Listing create(Listing listing);

  /**
   * Replaces a listing only if its stored version still equals {@code listing.version()}.
   *
   * @return the stored listing with its new version
   * @throws org.signpost.core.errors.SignpostException.PreconditionFailed if the version is stale
   */
  Listing update(Listing listing);

  /** Listings awaiting moderation (see {@link Listing#awaitingReview()}), oldest change first. */
  List<Listing> awaitingReview();

  /** Listings of one organisation, in any status. */
  List<Listing> byOrganisation(String organisationId);

  /**
   * Whether what the store derives from a listing's content (its embedding) is current, so an
   * import that changes nothing else can skip the write.
   */
  default boolean derivedDataCurrent(Listing stored) {
    return true;
  }
}
