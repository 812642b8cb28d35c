package org.signpost.core.listing;

import java.time.Instant;
import java.util.Objects;
import org.signpost.core.embed.Embedding;

/**
 * A stored listing: its live content plus lifecycle and moderation state.
 *
 * @param organisationName the owning organisation's name, copied for display and search
 * @param status draft, submitted, published or archived
 * @param version optimistic-locking version; 0 before the first write
 * @param assuredDate ISO date of the last human verification, or null
 * @param nextSession computed next session start (Europe/London local date-time), or null
 * @param pending an edit awaiting moderation while the live content stays published, or null
 * @param moderationNote the reason given by a moderator on rejection, or null
 * @param embedding the stored embedding of the live content, or null when there is none yet
 */
public record Listing(
    String id,
    String organisationId,
    String organisationName,
    ListingContent content,
    String status,
    long version,
    String assuredDate,
    Instant lastModified,
    String nextSession,
    ListingContent pending,
    String moderationNote,
    Embedding embedding) {

  public static final String DRAFT = "draft";
  public static final String SUBMITTED = "submitted";
  public static final String PUBLISHED = "published";
  public static final String ARCHIVED = "archived";

  public Listing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(content, "content");
    organisationName = organisationName == null ? "" : organisationName;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** A listing with no embedding yet. */
  public Listing(
      String id,
      String organisationId,
      String organisationName,
      ListingContent content,
      String status,
      long version,
      String assuredDate,
      Instant lastModified,
      String nextSession,
      ListingContent pending,
      String moderationNote) {
    this(
        id,
        organisationId,
        organisationName,
        content,
        status,
        version,
        assuredDate,
        lastModified,
        nextSession,
        pending,
        moderationNote,
        null);
  }

  public boolean isPublished() {
    return PUBLISHED.equals(status);
  }

  /** True for a new listing in review or a published listing with an edit in review. */
  public boolean awaitingReview() {
    return SUBMITTED.equals(status) || (pending != null && !ARCHIVED.equals(status));
  }

  public String etag() {
    return "\"" + version + "\"";
  }

  public Listing withContent(ListingContent newContent, String newStatus, Instant at, String next) {
    return new Listing(
        id,
        organisationId,
        organisationName,
        newContent,
        newStatus,
        version,
        assuredDate,
        at,
        next,
        null,
        null,
        embedding);
  }

  public Listing withStatus(String newStatus, Instant at) {
    return new Listing(
        id,
        organisationId,
        organisationName,
        content,
        newStatus,
        version,
        assuredDate,
        at,
        nextSession,
        pending,
        moderationNote,
        embedding);
  }

  /** The same listing with another embedding (null for none). */
  public Listing withEmbedding(Embedding newEmbedding) {
    return new Listing(
        id,
        organisationId,
        organisationName,
        content,
        status,
        version,
        assuredDate,
        lastModified,
        nextSession,
        pending,
        moderationNote,
        newEmbedding);
  }
}
