package org.signpost.core.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;
import org.signpost.core.time.Clocks;

/**
 * Creates, reads, edits and archives listings, enforcing ownership, optimistic locking and the
 * moderation rules. Thread-safe if its ports are.
 */
public final class ListingService {
  private final ListingRepository listings;
  private final OrganisationRepository organisations;
  private final RevisionRepository revisions;
  private final ListingValidator validator = new ListingValidator();
  private final Clock clock;
  private final boolean trustNewOrganisations;

  public ListingService(
      ListingRepository listings,
      OrganisationRepository organisations,
      RevisionRepository revisions,
      Clock clock,
      boolean trustNewOrganisations) {
    this.listings = listings;
    this.organisations = organisations;
    this.revisions = revisions;
    this.clock = clock;
    this.trustNewOrganisations = trustNewOrganisations;
  }

  /** Creates a listing for the caller's organisation (or, for an admin, the one named). */
  public Listing create(Caller caller, Optional<String> organisationId, ListingContent content) {
    return create(caller, organisationId, content, false);
  }

  /**
   * Creates a listing; as a draft it is kept private until submitted, otherwise it is published
   * (trusted organisations, admins) or submitted for review.
   */
  public Listing create(
      Caller caller, Optional<String> organisationId, ListingContent content, boolean draft) {
    caller.require(Role.PROVIDER, Role.ADMIN);
    String orgId = owningOrganisation(caller, organisationId);
    validator.validate(content);
    Organisation org = organisation(orgId);
    Instant now = clock.instant();
    String status =
        draft
            ? Listing.DRAFT
            : publishesDirectly(caller, org) ? Listing.PUBLISHED : Listing.SUBMITTED;
    Listing listing =
        new Listing(
            ListingIds.next(),
            org.id(),
            org.name(),
            content,
            status,
            0,
            null,
            now,
            nextSession(content, now),
            null,
            null);
    Listing created = listings.create(listing);
    record(caller, created, "created", null, content, null);
    return created;
  }

  /** What an import did with one listing. */
  public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * Creates or replaces a listing under a stable id, as published, through the same validation as
   * the API. Used by imports and demo data; re-running the same import changes nothing.
   *
   * @param assuredDate the source's verification date, or null
   */
  public ImportOutcome importListing(
      Caller caller,
      String id,
      String organisationId,
      ListingContent content,
      String assuredDate,
      boolean dryRun) {
    caller.require(Role.ADMIN);
    if (id == null || !id.matches("[A-Za-z0-9._:-]{1,100}")) {
      throw SignpostException.Invalid.of("id", "ids are 1-100 letters, digits or . _ : -");
    }
    validator.validate(content);
    Organisation org =
        organisations
            .find(organisationId)
            .orElseThrow(
                () ->
                    SignpostException.Invalid.of(
                        "organisation_id", "no organisation with id " + organisationId));
    Optional<Listing> existing = listings.find(id);
    if (existing.isPresent()
        && existing.get().content().equals(content)
        && existing.get().organisationId().equals(org.id())
        && existing.get().isPublished()
        && java.util.Objects.equals(existing.get().assuredDate(), assuredDate)
        && listings.derivedDataCurrent(existing.get())) {
      return ImportOutcome.UNCHANGED;
    }
    if (dryRun) {
      return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
    }
    Instant now = clock.instant();
    Listing listing =
        new Listing(
            id,
            org.id(),
            org.name(),
            content,
            Listing.PUBLISHED,
            existing.map(Listing::version).orElse(0L),
            assuredDate,
            now,
            nextSession(content, now),
            null,
            null,
            existing.map(Listing::embedding).orElse(null));
    if (existing.isPresent()) {
      record(caller, listings.update(listing), "imported", existing.get().content(), content, null);
      return ImportOutcome.UPDATED;
    }
    record(caller, listings.create(listing), "imported", null, content, null);
    return ImportOutcome.CREATED;
  }

  /** A published listing for anyone; any status for its owner or an admin. */
  public Listing get(String id, Optional<Caller> caller) {
    Listing listing = listings.find(id).orElseThrow(() -> notFound(id));
    boolean privileged = caller.map(c -> c.actsFor(listing.organisationId())).orElse(false);
    if (!listing.isPublished() && !privileged) {
      throw notFound(id);
    }
    return listing;
  }

  /**
   * Replaces a listing's content if {@code expected} is its current version. An untrusted
   * organisation's edit to a published listing waits for moderation while the live one stays.
   */
  public Listing update(Caller caller, String id, ListingContent content, long expected) {
    return update(caller, id, content, expected, false);
  }

  /** As {@link #update(Caller, String, ListingContent, long)}; a draft edit stays private. */
  public Listing update(
      Caller caller, String id, ListingContent content, long expected, boolean draft) {
    Listing current = owned(caller, id);
    validator.validate(content);
    if (current.version() != expected) {
      throw stale(id, expected, current.version());
    }
    if (Listing.ARCHIVED.equals(current.status())) {
      throw new SignpostException.Conflict("listing " + id + " is archived; it cannot be edited");
    }
    Instant now = clock.instant();
    Organisation org = organisation(current.organisationId());
    Listing next;
    String action = "updated";
    if (draft && !current.isPublished()) {
      next = current.withContent(content, Listing.DRAFT, now, nextSession(content, now));
    } else if (publishesDirectly(caller, org)) {
      next = current.withContent(content, Listing.PUBLISHED, now, nextSession(content, now));
    } else if (current.isPublished()) {
      next =
          new Listing(
              current.id(),
              current.organisationId(),
              current.organisationName(),
              current.content(),
              current.status(),
              current.version(),
              current.assuredDate(),
              now,
              current.nextSession(),
              content,
              null,
              current.embedding());
      action = "edit_submitted";
    } else {
      next = current.withContent(content, Listing.SUBMITTED, now, nextSession(content, now));
    }
    Listing saved = listings.update(next);
    record(caller, saved, action, current.content(), content, null);
    return saved;
  }

  /** Sends a draft for publication: published at once if trusted, otherwise to review. */
  public Listing submit(Caller caller, String id, long expected) {
    Listing current = owned(caller, id);
    if (current.version() != expected) {
      throw stale(id, expected, current.version());
    }
    if (!Listing.DRAFT.equals(current.status())) {
      throw new SignpostException.Conflict(
          "listing " + id + " is " + current.status() + "; only a draft can be submitted");
    }
    Organisation org = organisation(current.organisationId());
    String status = publishesDirectly(caller, org) ? Listing.PUBLISHED : Listing.SUBMITTED;
    Listing saved = listings.update(current.withStatus(status, clock.instant()));
    record(caller, saved, "submitted", null, null, null);
    return saved;
  }

  /** Confirms the listing is still up to date: sets assured_date to today (UK). */
  public Listing verify(Caller caller, String id) {
    return markVerified(owned(caller, id), caller.subject());
  }

  /** Sets assured_date to today (UK) for whoever confirmed it, and records who did. */
  Listing markVerified(Listing current, String by) {
    Instant now = clock.instant();
    String today = LocalDateTime.ofInstant(now, Clocks.LONDON).toLocalDate().toString();
    Listing verified =
        new Listing(
            current.id(),
            current.organisationId(),
            current.organisationName(),
            current.content(),
            current.status(),
            current.version(),
            today,
            now,
            nextSession(current.content(), now),
            current.pending(),
            current.moderationNote(),
            current.embedding());
    Listing saved = listings.update(verified);
    revisions.append(
        new Revision(saved.id(), saved.version(), now, by, "verified", List.of(), null));
    return saved;
  }

  /** Takes a published listing out of search as a draft, with a note its owner sees. */
  Listing unpublish(Listing current, String by, String note) {
    Instant now = clock.instant();
    Listing draft =
        new Listing(
            current.id(),
            current.organisationId(),
            current.organisationName(),
            current.content(),
            Listing.DRAFT,
            current.version(),
            current.assuredDate(),
            now,
            current.nextSession(),
            current.pending(),
            note,
            current.embedding());
    Listing saved = listings.update(draft);
    revisions.append(
        new Revision(saved.id(), saved.version(), now, by, "unpublished", List.of(), note));
    return saved;
  }

  /** The audit trail, for the owner or an admin. */
  public List<Revision> history(Caller caller, String id) {
    owned(caller, id);
    return revisions.history(id);
  }

  void record(
      Caller caller,
      Listing saved,
      String action,
      ListingContent before,
      ListingContent after,
      String note) {
    List<FieldDiff.Change> changes = after == null ? List.of() : FieldDiff.between(before, after);
    revisions.append(
        new Revision(
            saved.id(), saved.version(), clock.instant(), caller.subject(), action, changes, note));
  }

  /** Archives (soft-deletes) a listing; the index drops it on its next catch-up. */
  public Listing archive(Caller caller, String id, OptionalLong expected) {
    Listing current = owned(caller, id);
    if (expected.isPresent() && expected.getAsLong() != current.version()) {
      throw stale(id, expected.getAsLong(), current.version());
    }
    if (Listing.ARCHIVED.equals(current.status())) {
      return current;
    }
    Listing saved = listings.update(current.withStatus(Listing.ARCHIVED, clock.instant()));
    record(caller, saved, "archived", null, null, null);
    return saved;
  }

  /** Listings of the caller's organisation (all organisations' for an admin asking for one). */
  public List<Listing> ofOrganisation(Caller caller, String organisationId) {
    if (!caller.actsFor(organisationId)) {
      throw new SignpostException.Forbidden("you can only see your own organisation's listings");
    }
    return listings.byOrganisation(organisationId);
  }

  /** The listing if the caller may change it. */
  Listing owned(Caller caller, String id) {
    caller.require(Role.PROVIDER, Role.ADMIN);
    Listing listing = listings.find(id).orElseThrow(() -> notFound(id));
    if (!caller.actsFor(listing.organisationId())) {
      throw new SignpostException.Forbidden("listing " + id + " belongs to another organisation");
    }
    return listing;
  }

  private String owningOrganisation(Caller caller, Optional<String> requested) {
    if (caller.isAdmin()) {
      return requested
          .or(caller::organisationId)
          .orElseThrow(
              () ->
                  SignpostException.Invalid.of(
                      "organisation_id", "an admin must name the organisation"));
    }
    String own =
        caller
            .organisationId()
            .orElseThrow(() -> new SignpostException.Forbidden("your account has no organisation"));
    if (requested.isPresent() && !requested.get().equals(own)) {
      throw new SignpostException.Forbidden("you can only publish for your own organisation");
    }
    return own;
  }

  /**
   * The organisation, registering one the directory has not seen yet. A provider's org claim is
   * only issued after sign-up, so an unknown id is a new organisation; whether it is trusted is a
   * deployment setting (off in AWS, on for local development).
   */
  private Organisation organisation(String id) {
    return organisations
        .find(id)
        .orElseGet(
            () -> {
              try {
                return organisations.create(
                    new Organisation(
                        id, id, null, Organisation.APPROVED, trustNewOrganisations, 0));
              } catch (SignpostException.Conflict raced) {
                return organisations.find(id).orElseThrow(() -> raced);
              }
            });
  }

  private static boolean publishesDirectly(Caller caller, Organisation org) {
    if (Organisation.SUSPENDED.equals(org.status())) {
      throw new SignpostException.Forbidden("organisation " + org.id() + " is suspended");
    }
    return caller.isAdmin() || (org.trusted() && Organisation.APPROVED.equals(org.status()));
  }

  String nextSession(ListingContent content, Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, Clocks.LONDON);
    return NextSession.after(content.schedule(), local).map(LocalDateTime::toString).orElse(null);
  }

  static SignpostException stale(String id, long expected, long actual) {
    return new SignpostException.PreconditionFailed(
        "listing "
            + id
            + " is at version "
            + actual
            + ", not "
            + expected
            + "; reload it and apply your change again");
  }

  private static SignpostException notFound(String id) {
    return new SignpostException.NotFound("no listing with id " + id);
  }
}
