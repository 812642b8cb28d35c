package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/** Listings and search end to end through the Lambda handlers, against dynalite. */
@ExtendWith(TestBackend.class)
class ListingsApiIT {
  private static final String ORG = "org-sparkhill-community-hub";
  private static Wiring wiring;
  private static ListingsFunction listings;
  private static SearchFunction search;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    wiring = new Wiring(store.config(true), Clock.systemUTC());
    listings = new ListingsFunction(wiring.listingService, wiring.identity);
    Events.enrol(
        wiring.memberships,
        Events.provider(ORG),
        Events.provider("org-bad-input"),
        Events.provider("org-other"),
        Events.prescriber());
    // The verbatim provider event's subject, a provider of ORG by membership.
    wiring.memberships.put(
        new org.signpost.core.auth.Membership(
            "2f1c8a9e-4b7d-4e0a-9c1f-5d6e7f8a9b0c",
            org.signpost.core.auth.Role.PROVIDER,
            java.util.Optional.of(ORG)));
    search = new SearchFunction(wiring.newSearchService());
  }

  @Test
  void createdListing_isReadable_andFoundBySearch_withDistance() throws Exception {
    APIGatewayV2HTTPResponse created =
        listings.handleRequest(Events.load("post-listing-provider.json"), null);

    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getHeaders()).containsEntry("ETag", "\"1\"");
    String id = body(created).get("id").asText();
    assertThat(created.getHeaders()).containsEntry("Location", "/api/listings/" + id);
    assertThat(body(created).get("status").asText()).isEqualTo("published");

    APIGatewayV2HTTPResponse read = listings.handleRequest(get(id, null), null);
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(read.getHeaders()).containsEntry("ETag", "\"1\"");
    assertThat(body(read).get("name").asText()).isEqualTo("Sparkhill Tea and Chat");

    APIGatewayV2HTTPResponse found =
        search.handleRequest(Events.load("get-search-public.json"), null);
    assertThat(found.getStatusCode()).isEqualTo(200);
    JsonNode results = body(found).get("results");
    JsonNode hit = findById(results, id);
    assertThat(hit).as("new listing in search results").isNotNull();
    assertThat(hit.get("distance_km").asDouble()).isBetween(0.0, 0.05);
    assertThat(hit.get("organisation").get("name").asText()).isEqualTo(ORG);
    assertThat(hit.has("verified_at")).isTrue();
  }

  @Test
  void update_needsIfMatch_refusesStaleVersion_andLeavesItemUnchanged() throws Exception {
    String id = createListing("Knit and Natter Sparkbrook");

    APIGatewayV2HTTPResponse missing = listings.handleRequest(put(id, null, "Renamed Once"), null);
    assertThat(missing.getStatusCode()).isEqualTo(428);
    assertThat(missing.getHeaders()).containsEntry("Content-Type", "application/problem+json");

    APIGatewayV2HTTPResponse first = listings.handleRequest(put(id, "\"1\"", "Renamed Once"), null);
    assertThat(first.getStatusCode()).isEqualTo(200);
    assertThat(first.getHeaders()).containsEntry("ETag", "\"2\"");

    APIGatewayV2HTTPResponse stale = listings.handleRequest(put(id, "\"1\"", "Lost Update"), null);
    assertThat(stale.getStatusCode()).isEqualTo(412);
    assertThat(body(stale).get("status").asInt()).isEqualTo(412);

    JsonNode stored = body(listings.handleRequest(get(id, null), null));
    assertThat(stored.get("name").asText()).isEqualTo("Renamed Once");
    assertThat(stored.get("version").asLong()).isEqualTo(2);
  }

  @Test
  void twentyConcurrentEditors_exactlyOneWinsEachVersion_andLosersGet412() throws Exception {
    String id = createListing("Chair Yoga Small Heath");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "Chair Yoga edit " + i;
      Callable<Integer> edit =
          () -> {
            start.await();
            return listings.handleRequest(put(id, "\"1\"", name), null).getStatusCode();
          };
      outcomes.add(pool.submit(edit));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> outcome : outcomes) {
      statuses.add(outcome.get());
    }
    pool.shutdown();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
    JsonNode stored = body(listings.handleRequest(get(id, null), null));
    assertThat(stored.get("version").asLong()).isEqualTo(2);
    assertThat(stored.get("name").asText()).startsWith("Chair Yoga edit ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[]",
        "{\"name\": 12}",
        "{\"name\": \"ok name\", \"categories\": \"walking\"}",
        "{\"name\": \"\"}",
        "{\"name\": \"Valid Name\", \"categories\": [\"no_such_category\"], \"delivery\": [\"online\"]}",
        "{\"name\": \"Valid Name\", \"delivery\": [\"online\"], \"surprise\": true}",
        "{\"name\": \"Valid Name\", \"locations\": [{\"address\": \"1 Road\", \"lat\": 95, \"lon\": 0}]}"
      })
  void badCreateBodies_get400ProblemJson_andWriteNothing(String body) throws Exception {
    int before = wiring.listings.byOrganisation("org-bad-input").size();

    APIGatewayV2HTTPResponse response =
        listings.handleRequest(
            Events.request(
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of("content-type", "application/json"),
                body,
                Events.provider("org-bad-input")),
            null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.get("type").asText()).endsWith("invalid-request");
    assertThat(problem.get("errors")).isNotEmpty();
    assertThat(problem.get("errors").get(0).get("field").asText()).isNotBlank();
    assertThat(wiring.listings.byOrganisation("org-bad-input")).hasSize(before);
  }

  @Test
  void oversizedDescription_isRefusedNamingTheField() throws Exception {
    String body =
        "{\"name\":\"Long One\",\"delivery\":[\"online\"],\"description\":\""
            + "x".repeat(5000)
            + "\"}";
    APIGatewayV2HTTPResponse response =
        listings.handleRequest(
            Events.request(
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of(),
                body,
                Events.provider("org-bad-input")),
            null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).get("errors").get(0).get("field").asText()).isEqualTo("description");
  }

  @Test
  void wrongCallers_areRefused_andTheListingIsUnchanged() throws Exception {
    String id = createListing("Men's Shed Acocks Green");

    APIGatewayV2HTTPResponse anonymous =
        listings.handleRequest(
            Events.request(
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of(),
                validBody("X y z"),
                null),
            null);
    assertThat(anonymous.getStatusCode()).isEqualTo(401);

    APIGatewayV2HTTPResponse prescriber =
        listings.handleRequest(
            Events.request(
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of(),
                validBody("X y z"),
                Events.prescriber()),
            null);
    assertThat(prescriber.getStatusCode()).isEqualTo(403);

    APIGatewayV2HTTPResponse otherOrg =
        listings.handleRequest(
            Events.request(
                "PUT /api/listings/{id}",
                "/api/listings/" + id,
                Map.of("id", id),
                "",
                Map.of("if-match", "\"1\""),
                validBody("Hijacked"),
                Events.provider("org-other")),
            null);
    assertThat(otherOrg.getStatusCode()).isEqualTo(403);
    assertThat(body(listings.handleRequest(get(id, null), null)).get("name").asText())
        .isEqualTo("Men's Shed Acocks Green");
  }

  @Test
  void archivedListing_leavesSearch_andIsHiddenFromThePublic() throws Exception {
    String id = createListing("Zumba Gold Yardley");
    assertThat(findById(searchFor("zumba"), id)).isNotNull();

    APIGatewayV2HTTPResponse archived =
        listings.handleRequest(
            Events.request(
                "DELETE /api/listings/{id}",
                "/api/listings/" + id,
                Map.of("id", id),
                "",
                Map.of(),
                null,
                Events.provider(ORG)),
            null);
    assertThat(archived.getStatusCode()).isEqualTo(200);
    assertThat(body(archived).get("status").asText()).isEqualTo("archived");

    assertThat(findById(searchFor("zumba"), id)).isNull();
    assertThat(listings.handleRequest(get(id, null), null).getStatusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q=%22unbalanced",
        "q=name%3Afoo%20AND%20(bar",
        "q=*%3F~%5E%5B%5D%7B%7D",
        "q=%F0%9F%99%82%20%D8%B9%D8%B1%D8%A8%D9%8A",
        "q=%5C%5C%5C"
      })
  void hostileQueries_get200(String query) throws Exception {
    APIGatewayV2HTTPResponse response = search.handleRequest(searchEvent(query), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("results").isArray()).isTrue();
  }

  @Test
  void tenKilobyteQuery_gets200() throws Exception {
    APIGatewayV2HTTPResponse response =
        search.handleRequest(searchEvent("q=" + "lonely%20".repeat(1200)), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lat=52.4&lon=-1.8&radius_km=0 | radius_km",
        "lat=52.4&lon=-1.8&radius_km=-3 | radius_km",
        "lat=52.4&lon=-1.8&radius_km=201 | radius_km",
        "lat=52.4&radius_km=5 | lon",
        "lon=-1.8 | lat",
        "radius_km=5 | radius_km",
        "lat=abc&lon=-1.8 | lat",
        "limit=0 | limit",
        "limit=1000 | limit",
        "cursor=%25%25%25 | cursor",
        "category=not_a_category | category"
      })
  void badSearchParameters_get400NamingTheParameter(String query, String field) throws Exception {
    APIGatewayV2HTTPResponse response = search.handleRequest(searchEvent(query), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    List<String> named = new ArrayList<>();
    body(response).get("errors").forEach(error -> named.add(error.get("field").asText()));
    assertThat(named).contains(field);
  }

  @Test
  void health_reportsReady() throws Exception {
    APIGatewayV2HTTPResponse response =
        search.handleRequest(
            Events.request("GET /health", "/health", Map.of(), "", Map.of(), null, null), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void unknownRoute_gets404ProblemJson() throws Exception {
    APIGatewayV2HTTPResponse response =
        search.handleRequest(
            Events.request("GET /api/nothing", "/api/nothing", Map.of(), "", Map.of(), null, null),
            null);
    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
  }

  private static JsonNode searchFor(String q) throws Exception {
    return body(search.handleRequest(searchEvent("q=" + q), null)).get("results");
  }

  private static APIGatewayV2HTTPEvent searchEvent(String rawQuery) {
    return Events.request(
        "GET /api/search", "/api/search", Map.of(), rawQuery, Map.of(), null, null);
  }

  private static String createListing(String name) throws Exception {
    APIGatewayV2HTTPResponse created =
        listings.handleRequest(
            Events.request(
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of(),
                validBody(name),
                Events.provider(ORG)),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    return body(created).get("id").asText();
  }

  private static APIGatewayV2HTTPEvent get(String id, Map<String, String> claims) {
    return Events.request(
        "GET /api/listings/{id}",
        "/api/listings/" + id,
        Map.of("id", id),
        "",
        Map.of(),
        null,
        claims);
  }

  private static APIGatewayV2HTTPEvent put(String id, String ifMatch, String name) {
    Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("if-match", ifMatch);
    return Events.request(
        "PUT /api/listings/{id}",
        "/api/listings/" + id,
        Map.of("id", id),
        "",
        headers,
        validBody(name),
        Events.provider(ORG));
  }

  static String validBody(String name) {
    return """
        {"name": "%s", "summary": "A friendly weekly group.",
         "description": "Come along, meet people and have a go.",
         "categories": ["social_groups"], "needs": ["loneliness"],
         "locations": [{"name": "Hall", "address": "5 Warwick Road, Birmingham",
                        "postcode": "B27 6AA", "lat": 52.4480, "lon": -1.8240}]}
        """
        .formatted(name);
  }

  private static JsonNode findById(JsonNode results, String id) {
    for (JsonNode result : results) {
      if (result.get("id").asText().equals(id)) {
        return result;
      }
    }
    return null;
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }
}
