package org.signpost.core.listing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One audited change to a listing: who, when, what action and which fields changed.
 *
 * @param version the listing version this change produced
 * @param actor the subject of the caller who made the change
 * @param action created, updated, edit_submitted, submitted, approved, rejected, verified or
 *     archived
 * @param note a moderator's reason, if any
 */
public record Revision(
    String listingId,
    long version,
    Instant at,
    String actor,
    String action,
    List<FieldDiff.Change> changes,
    String note) {
  public Revision {
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    changes = List.copyOf(changes);
  }
}
