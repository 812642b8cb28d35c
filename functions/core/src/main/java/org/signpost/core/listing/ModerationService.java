package org.signpost.core.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;

/**
 * The admin review queue: new listings from untrusted organisations and edits to their published
 * listings wait here until approved or rejected. Thread-safe if its ports are.
 */
public final class ModerationService {
  private final ListingRepository listings;
  private final ListingService service;
  private final Clock clock;

  public ModerationService(ListingRepository listings, ListingService service, Clock clock) {
    this.listings = listings;
    this.service = service;
    this.clock = clock;
  }

  /**
   * One item awaiting review, with its field-level diff against the last approved version (empty
   * for a listing never approved).
   */
  public record QueueItem(Listing listing, String kind, List<FieldDiff.Change> changes) {}

  public List<QueueItem> queue(Caller caller) {
    caller.require(Role.ADMIN);
    return listings.awaitingReview().stream()
        .map(
            listing ->
                listing.pending() != null
                    ? new QueueItem(
                        listing, "edit", FieldDiff.between(listing.content(), listing.pending()))
                    : new QueueItem(listing, "new", FieldDiff.between(null, listing.content())))
        .toList();
  }

  /** Publishes a submitted listing or applies a held edit. */
  public Listing approve(Caller caller, String id, OptionalLong expected) {
    caller.require(Role.ADMIN);
    Listing current = awaiting(id, expected);
    Instant now = clock.instant();
    ListingContent approved = current.pending() != null ? current.pending() : current.content();
    Listing next =
        new Listing(
            current.id(),
            current.organisationId(),
            current.organisationName(),
            approved,
            Listing.PUBLISHED,
            current.version(),
            current.assuredDate(),
            now,
            service.nextSession(approved, now),
            null,
            null,
            current.embedding());
    Listing saved = listings.update(next);
    service.record(
        caller,
        saved,
        "approved",
        current.pending() != null ? current.content() : null,
        current.pending() != null ? approved : null,
        null);
    return saved;
  }

  /**
   * Sends a listing back with a reason the provider sees: a new listing returns to draft; a held
   * edit is dropped and the published version stays.
   */
  public Listing reject(Caller caller, String id, OptionalLong expected, String reason) {
    caller.require(Role.ADMIN);
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw SignpostException.Invalid.of("reason", "give a reason of 1-1000 characters");
    }
    Listing current = awaiting(id, expected);
    String status = current.pending() != null ? current.status() : Listing.DRAFT;
    Listing next =
        new Listing(
            current.id(),
            current.organisationId(),
            current.organisationName(),
            current.content(),
            status,
            current.version(),
            current.assuredDate(),
            clock.instant(),
            current.nextSession(),
            null,
            reason.strip(),
            current.embedding());
    Listing saved = listings.update(next);
    service.record(caller, saved, "rejected", null, null, reason.strip());
    return saved;
  }

  private Listing awaiting(String id, OptionalLong ifMatch) {
    if (ifMatch.isEmpty()) {
      throw new SignpostException.PreconditionRequired(
          "send If-Match with the ETag you last read, so edits are never silently overwritten");
    }
    long expected = ifMatch.getAsLong();
    Listing current =
        listings
            .find(id)
            .orElseThrow(() -> new SignpostException.NotFound("no listing with id " + id));
    if (current.version() != expected) {
      throw ListingService.stale(id, expected, current.version());
    }
    if (!current.awaitingReview()) {
      throw new SignpostException.Conflict("listing " + id + " is not awaiting review");
    }
    return current;
  }
}
