package org.signpost.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.core.embed.Embedder;
import org.signpost.core.embed.EmbeddingListings;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.http.Json;

/**
 * The listings an evaluation searches, loaded the way the product loads them: the real importer
 * (for a third-party HSDS or Open Referral package) or the demo data file, through the listing
 * service with the embedding store in front, into memory.
 *
 * @param key maps a listing id to the key the judgments use
 */
record EvalCorpus(String name, MemoryStore store, Function<String, String> key) {
  private static final Pattern SOURCE_ID = Pattern.compile("-svc-([^-]+)$");

  List<Listing> listings() {
    return store.listings.all();
  }

  /** Imports an Open Referral CSV package; judgments name the source's service ids. */
  static EvalCorpus imported(String name, Path dir, Embedder embedder, Clock clock)
      throws IOException {
    MemoryStore store = new MemoryStore();
    ListingService listings =
        new ListingService(
            new EmbeddingListings(store.listings, embedder),
            store.organisations,
            store.revisions,
            clock,
            true);
    OpenDataImport.Report report =
        new OpenDataImport(new OrganisationService(store.organisations), listings, false)
            .run(dir, (file, done) -> {});
    System.err.printf("eval: %s imported %d listings%n", name, store.listings.all().size());
    if (store.listings.all().isEmpty()) {
      throw new IllegalStateException("nothing imported from " + dir + ": " + report);
    }
    return new EvalCorpus(
        name,
        store,
        id -> {
          Matcher m = SOURCE_ID.matcher(id);
          return m.find() ? m.group(1) : id;
        });
  }

  /** The demo listings that ./signpost run loads; judgments name listing ids. */
  static EvalCorpus demo(Path listingsJson, Embedder embedder, Clock clock) {
    MemoryStore store = new MemoryStore();
    EmbeddingListings embedded = new EmbeddingListings(store.listings, embedder);
    try {
      for (JsonNode node : Json.MAPPER.readTree(Files.readString(listingsJson))) {
        ListingContent content = Json.MAPPER.treeToValue(node, ListingContent.class);
        String org = node.get("organisation_id").asText();
        if (store.organisations.find(org).isEmpty()) {
          store.organisations.create(
              new Organisation(org, org, null, Organisation.APPROVED, true, 1));
        }
        embedded.create(
            new Listing(
                node.get("id").asText(),
                org,
                org,
                content,
                Listing.PUBLISHED,
                0,
                node.path("assured_date").asText(null),
                Instant.now(clock),
                null,
                null,
                null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + listingsJson, e);
    }
    return new EvalCorpus("demo", store, Function.identity());
  }
}
