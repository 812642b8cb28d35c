package org.signpost.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.signpost.core.listing.Listing;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;

/** The API's JSON view of a listing: its content plus read-only lifecycle fields. */
final class ListingJson {
  private ListingJson() {}

  static ObjectNode of(Listing listing, boolean privileged) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", listing.id());
    node.put("organisation_id", listing.organisationId());
    node.putObject("organisation")
        .put("id", listing.organisationId())
        .put("name", listing.organisationName());
    node.setAll((ObjectNode) Json.MAPPER.valueToTree(listing.content()));
    node.put("status", listing.status());
    node.put("assured_date", listing.assuredDate());
    node.put("last_modified", listing.lastModified().toString());
    node.put("next_session", listing.nextSession());
    node.put("version", listing.version());
    if (privileged) {
      node.set(
          "pending", listing.pending() == null ? null : Json.MAPPER.valueToTree(listing.pending()));
      node.put("moderation_note", listing.moderationNote());
    }
    return node;
  }

  static ApiResponse response(int status, Listing listing, boolean privileged) {
    return ApiResponse.json(status, Json.write(of(listing, privileged)))
        .withHeader("ETag", listing.etag())
        .withHeader("Cache-Control", "no-store");
  }
}
