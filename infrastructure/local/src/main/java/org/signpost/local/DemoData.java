package org.signpost.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.http.Json;

/**
 * Loads the demo organisations and listings (our own writing, about one UK city) through the same
 * services and validation as the API.
 */
final class DemoData {
  static final Caller LOADER = new Caller("demo-loader", Set.of(Role.ADMIN), Optional.empty());

  private DemoData() {}

  /** Returns the number of listings loaded. */
  static int load(OrganisationService organisations, ListingService listings) {
    JsonNode orgs = read("/demo/organisations.json");
    for (JsonNode org : orgs) {
      organisations.upsert(
          LOADER,
          new Organisation(
              org.get("id").asText(),
              org.get("name").asText(),
              org.path("description").asText(null),
              Organisation.APPROVED,
              org.path("trusted").asBoolean(true),
              0));
    }
    int count = 0;
    for (JsonNode node : read("/demo/listings.json")) {
      try {
        ListingContent content = Json.MAPPER.treeToValue(node, ListingContent.class);
        listings.importListing(
            LOADER,
            node.get("id").asText(),
            node.get("organisation_id").asText(),
            content,
            node.path("assured_date").asText(null),
            false);
        count++;
      } catch (IOException e) {
        throw new IllegalStateException(
            "demo listing " + node.path("id").asText() + " is malformed", e);
      }
    }
    return count;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + resource);
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
