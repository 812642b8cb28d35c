package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signpost.core.listing.Listing;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fault test: a dynalite of its own, stopped while searches run and started again on the same
 * port and data directory. Search answers from the index throughout, health says it is degraded,
 * store-bound calls get 503 with Retry-After, and everything recovers by itself.
 */
class StoreOutageIT {
  private static final String ORG = "org-outage";
  private static final Path SCRIPT =
      NodeServer.repositoryRoot().resolve("infrastructure/local/node/dynalite-server.js");
  private static Path dataDir;
  private static NodeServer store;
  private static int port;
  private static Wiring wiring;
  private static SearchFunction search;
  private static ListingsFunction listings;
  private static ReferralsFunction referrals;
  private static final List<Listing> written = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("signpost-outage-");
    store = NodeServer.start(SCRIPT, "--path", dataDir.toString());
    port = store.port();
    Config config =
        new Config(
            "outage-", Optional.of(URI.create("http://127.0.0.1:" + port)), "eu-west-2", true, 0);
    try (DynamoDbClient client = Wiring.dynamoClient(config)) {
      Tables.createAll(client, "outage-");
    }
    wiring = new Wiring(config, ReferralFixtures.settings(1000, null), Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      written.add(
          ReferralFixtures.listing(wiring, ORG, "Outage Choir " + i, "[\"self\",\"prescriber\"]"));
    }
    search = new SearchFunction(wiring.newSearchService(), wiring.searchParams);
    listings = new ListingsFunction(wiring.listingService, wiring.identity);
    referrals = new ReferralsFunction(wiring);
    Events.enrol(wiring.memberships, Events.provider(ORG));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
  }

  private static APIGatewayV2HTTPResponse send(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function,
      String routeKey,
      String path,
      Map<String, String> params,
      String query,
      String body,
      Map<String, String> claims) {
    Map<String, String> headers =
        body == null ? Map.of() : Map.of("content-type", "application/json");
    return function.handleRequest(
        Events.request(routeKey, path, params, query, headers, body, claims), null);
  }

  private static APIGatewayV2HTTPResponse searchFor(String q) {
    return send(search, "GET /api/search", "/api/search", Map.of(), "q=" + q, null, null);
  }

  private static JsonNode health() throws Exception {
    APIGatewayV2HTTPResponse response =
        send(search, "GET /health", "/health", Map.of(), "", null, null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.getBody());
  }

  private static String newListing(String name) {
    return "{\"name\":\""
        + name
        + "\",\"summary\":\"Singing together, whatever your voice.\","
        + "\"description\":\"Weekly singing.\",\"categories\":[\"social_groups\"],"
        + "\"needs\":[\"loneliness\"],\"contact\":{\"email\":\"choir@example.org\"},"
        + "\"locations\":[{\"name\":\"Hall\",\"address\":\"1 High Street, Birmingham\","
        + "\"postcode\":\"B11 4AB\",\"lat\":52.4569,\"lon\":-1.8721}]}";
  }

  private static void assertUnavailable(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
    assertThat(response.getHeaders())
        .containsEntry("Content-Type", "application/problem+json")
        .containsKey("Retry-After");
  }

  @Test
  void outage_searchKeepsAnswering_healthIsDegraded_writesAre503_andAllRecovers() throws Exception {
    APIGatewayV2HTTPResponse fresh = searchFor("choir");
    assertThat(fresh.getStatusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(fresh.getBody()).get("stale").asBoolean(true)).isFalse();
    assertThat(health().get("status").asText()).isEqualTo("ok");

    store.close();

    // Four clients search for 3 s; at most one of them waits on the store at a time.
    AtomicInteger asked = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    Instant until = Instant.now().plusSeconds(3);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int client = 0; client < 4; client++) {
      clients.submit(
          () -> {
            while (Instant.now().isBefore(until)) {
              APIGatewayV2HTTPResponse response = searchFor("choir");
              asked.incrementAndGet();
              if (response.getStatusCode() == 200 && response.getBody().contains("\"total\":5")) {
                answered.incrementAndGet();
              } else {
                wrong.add(response.getStatusCode() + " " + response.getBody());
              }
            }
            return null;
          });
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(wrong).isEmpty();
    System.out.printf(
        "store outage: %d of %d searches answered from the index%n", answered.get(), asked.get());
    assertThat(asked.get()).isGreaterThan(10);
    assertThat(answered.get()).isEqualTo(asked.get());
    APIGatewayV2HTTPResponse stale = searchFor("choir");
    assertThat(stale.getHeaders()).containsKey("Warning").containsKey("Age");
    assertThat(Json.MAPPER.readTree(stale.getBody()).get("stale").asBoolean()).isTrue();
    JsonNode degraded = health();
    assertThat(degraded.get("status").asText()).isEqualTo("degraded");
    assertThat(degraded.get("store").asText()).isEqualTo("unreachable");
    assertThat(degraded.get("catch_up_failures").asInt()).isPositive();

    assertUnavailable(
        send(
            listings,
            "POST /api/listings",
            "/api/listings",
            Map.of(),
            "",
            newListing("Outage Newcomers"),
            Events.provider(ORG)));
    assertUnavailable(
        send(
            listings,
            "GET /api/listings/{id}",
            "/api/listings/" + written.get(0).id(),
            Map.of("id", written.get(0).id()),
            "",
            null,
            null));
    assertUnavailable(
        send(
            referrals,
            "POST /api/referrals",
            "/api/referrals",
            Map.of(),
            "",
            "{\"listing_id\":\""
                + written.get(0).id()
                + "\",\"name\":\"Ada\",\"phone\":\"07700 900123\",\"postcode\":\"B11 4AB\","
                + "\"needs\":[\"loneliness\"],\"language\":\"en\",\"consent\":true}",
            null));

    store =
        NodeServer.start(SCRIPT, "--port", Integer.toString(port), "--path", dataDir.toString());

    // Writes work again at once; search catches up after its backoff, by itself.
    APIGatewayV2HTTPResponse created =
        send(
            listings,
            "POST /api/listings",
            "/api/listings",
            Map.of(),
            "",
            newListing("Outage Choir After"),
            Events.provider(ORG));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    while (!health().get("status").asText().equals("ok") && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(health().get("status").asText()).isEqualTo("ok");
    APIGatewayV2HTTPResponse after = searchFor("choir");
    assertThat(after.getHeaders()).doesNotContainKey("Warning");
    assertThat(Json.MAPPER.readTree(after.getBody()).get("stale").asBoolean(true)).isFalse();
    JsonNode results = Json.MAPPER.readTree(after.getBody()).get("results");
    Set<String> ids = new HashSet<>();
    results.forEach(r -> ids.add(r.get("id").asText()));
    assertThat(results).hasSize(6);
    assertThat(ids).hasSize(6).containsAll(written.stream().map(Listing::id).toList());
  }
}
