package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingContent;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.http.Json;

/**
 * The demo listings (infrastructure/local's data, read in place) as published listings, behind an
 * in-memory change feed: a fake of the store port for handler tests that need no DynamoDB.
 */
final class DemoListings implements ListingChangeFeed {
  static final List<Listing> ALL = load();

  @Override
  public void scanAll(Consumer<Listing> sink) {
    ALL.forEach(sink);
  }

  @Override
  public List<Listing> changedSince(String afterChangeKey) {
    return List.of();
  }

  static Listing byId(String id) {
    return ALL.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<Listing> load() {
    try {
      JsonNode nodes =
          Json.MAPPER.readTree(
              Files.readString(
                  NodeServer.repositoryRoot()
                      .resolve("infrastructure/local/src/main/resources/demo/listings.json")));
      List<Listing> out = new ArrayList<>();
      for (JsonNode node : nodes) {
        ListingContent content = Json.MAPPER.treeToValue(node, ListingContent.class);
        out.add(
            new Listing(
                node.get("id").asText(),
                node.get("organisation_id").asText(),
                node.get("organisation_id").asText(),
                content,
                Listing.PUBLISHED,
                1,
                node.path("assured_date").asText(null),
                Instant.parse("2026-11-01T00:00:00Z"),
                null,
                null,
                null));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
