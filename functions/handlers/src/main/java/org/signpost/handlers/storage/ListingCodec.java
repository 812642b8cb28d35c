package org.signpost.handlers.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import org.signpost.core.embed.Embedding;
import org.signpost.core.listing.FieldDiff;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.search.SearchService;
import org.signpost.core.time.Clocks;

/**
 * Maps a listing to its stored item and back, and a revision's changes to their stored text; the
 * one place that knows the stored shape. Uses {@link StorageJson}, never the API's mapper.
 */
final class ListingCodec {
  /** The awaiting-review index's single partition value. */
  static final String REVIEW = "REVIEW";

  private static final TypeReference<List<FieldDiff.Change>> CHANGES = new TypeReference<>() {};

  private ListingCodec() {}

  static ListingItem toItem(Listing listing) {
    ListingItem item = new ListingItem();
    item.setId(listing.id());
    item.setOrganisationId(listing.organisationId());
    item.setOrganisationName(listing.organisationName());
    item.setStatus(listing.status());
    item.setVersion(listing.version() == 0 ? null : listing.version());
    item.setLastModified(Clocks.sortable(listing.lastModified()));
    item.setAssuredDate(listing.assuredDate());
    item.setNextSession(listing.nextSession());
    item.setContent(writeContent(listing.content()));
    item.setPending(listing.pending() == null ? null : writeContent(listing.pending()));
    item.setModerationNote(listing.moderationNote());
    item.setChgBucket(Tables.bucketFor(listing.id()));
    item.setChgSort(SearchService.changeKey(listing));
    item.setReviewFlag(listing.awaitingReview() ? REVIEW : null);
    if (listing.embedding() != null) {
      item.setVector(listing.embedding().vector());
      item.setVectorModel(listing.embedding().model());
      item.setVectorText(listing.embedding().fingerprint());
    }
    return item;
  }

  static Listing toListing(ListingItem item) {
    return new Listing(
        item.getId(),
        item.getOrganisationId(),
        item.getOrganisationName(),
        readContent(item.getId(), item.getContent()),
        item.getStatus(),
        item.getVersion() == null ? 0 : item.getVersion(),
        item.getAssuredDate(),
        Instant.parse(item.getLastModified()),
        item.getNextSession(),
        item.getPending() == null ? null : readContent(item.getId(), item.getPending()),
        item.getModerationNote(),
        embedding(item));
  }

  static String writeContent(ListingContent content) {
    return StorageJson.write(content);
  }

  static ListingContent readContent(String id, String json) {
    try {
      return StorageJson.MAPPER.readValue(json, ListingContent.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("stored content of listing " + id + " is not readable", e);
    }
  }

  static String writeChanges(List<FieldDiff.Change> changes) {
    return StorageJson.write(changes);
  }

  static List<FieldDiff.Change> readChanges(String listingId, String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return StorageJson.MAPPER.readValue(json, CHANGES);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored revision of listing " + listingId + " is unreadable", e);
    }
  }

  private static Embedding embedding(ListingItem item) {
    if (item.getVector() == null
        || item.getVector().length == 0
        || item.getVectorModel() == null
        || item.getVectorText() == null) {
      return null;
    }
    return new Embedding(item.getVectorModel(), item.getVectorText(), item.getVector());
  }
}
