package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.listing.Listing;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/**
 * The repros from the fuzz run that once gave 500s, each through the real handlers on dynalite:
 * every one is now a 4xx problem+json, and nothing reaches the store that the store would refuse.
 */
@ExtendWith(TestBackend.class)
class BadInputIT {
  private static final String ORG = "org-bad-input";
  private static final String LONG_ID = "lst-" + "x".repeat(3_000);
  private static TestBackend.Store backend;
  private static Wiring wiring;
  private static Listing listing;
  private static ListingsFunction listings;
  private static ReferralsFunction referrals;
  private static SettingsFunction settings;
  private static OrganisationsFunction organisations;
  private static SearchFunction search;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    backend = store;
    wiring =
        new Wiring(store.config(true), ReferralFixtures.settings(1000, null), Clock.systemUTC());
    listing = ReferralFixtures.listing(wiring, ORG, "Bad Input Tea Club", "[\"self\"]");
    listings = new ListingsFunction(wiring.listingService, wiring.identity);
    referrals = new ReferralsFunction(wiring);
    settings = new SettingsFunction(wiring.settingsTable, Clock.systemUTC(), wiring.identity);
    organisations = new OrganisationsFunction(wiring.organisationService, wiring.identity);
    Events.enrol(wiring.memberships, Events.provider(ORG), Events.admin());
    search = new SearchFunction(wiring.newSearchService(), wiring.searchParams);
  }

  private static APIGatewayV2HTTPResponse call(
      com.amazonaws.services.lambda.runtime.RequestHandler<
              com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent,
              APIGatewayV2HTTPResponse>
          function,
      String routeKey,
      String path,
      Map<String, String> params,
      String query,
      Map<String, String> headers,
      String body,
      Map<String, String> claims) {
    Map<String, String> all = new HashMap<>(headers);
    if (body != null) {
      all.put("content-type", "application/json");
    }
    return function.handleRequest(
        Events.request(routeKey, path, params, query, all, body, claims), null);
  }

  private static JsonNode problem(APIGatewayV2HTTPResponse response, int status) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    return Json.MAPPER.readTree(response.getBody());
  }

  private static String selfReferral(String listingId, String needs) {
    return "{\"listing_id\":\""
        + listingId
        + "\",\"name\":\"Ada\",\"phone\":\"07700 900123\",\"postcode\":\"B11 4AB\",\"needs\":"
        + needs
        + ",\"language\":\"en\",\"consent\":true}";
  }

  @Test
  void listingField_overTheJsonStringLimit_isA400_notA500() throws Exception {
    String body = "{\"name\":\"" + "n".repeat(Json.MAX_STRING_CHARS + 10) + "\"}";

    JsonNode problem =
        problem(
            call(
                listings,
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                "",
                Map.of(),
                body,
                Events.provider(ORG)),
            400);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("name");
  }

  @Test
  void synonyms_acceptTheAdvertised100000Characters_andRefuseOneMore() throws Exception {
    StringBuilder list = new StringBuilder();
    for (int i = 0; list.length() < SettingsFunction.MAX_SYNONYM_CHARS - 40; i++) {
      list.append("word").append(i).append(", term").append(i).append('\n');
    }
    while (list.length() < SettingsFunction.MAX_SYNONYM_CHARS) {
      list.append('\n');
    }
    String atLimit = Json.write(Map.of("synonyms", list.toString()));
    String overLimit = Json.write(Map.of("synonyms", list + "\n"));

    APIGatewayV2HTTPResponse saved =
        call(
            settings,
            "PUT /api/admin/synonyms",
            "/api/admin/synonyms",
            Map.of(),
            "",
            Map.of(),
            atLimit,
            Events.admin());
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
    JsonNode refused =
        problem(
            call(
                settings,
                "PUT /api/admin/synonyms",
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of(),
                overLimit,
                Events.admin()),
            400);
    assertThat(refused.at("/errors/0/field").asText()).isEqualTo("synonyms");
  }

  @Test
  void synonyms_withAMaximumLongIfMatch_is412_notAVersionOverflow() throws Exception {
    JsonNode problem =
        problem(
            call(
                settings,
                "PUT /api/admin/synonyms",
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of("if-match", "\"9223372036854775807\""),
                "{\"synonyms\":\"natter, chat\"}",
                Events.admin()),
            412);

    assertThat(problem.get("type").asText()).endsWith("/stale-version");
  }

  @Test
  void organisationReview_withAMaximumLongIfMatch_is412() throws Exception {
    problem(
        call(
            organisations,
            "PUT /api/organisations/{id}/review",
            "/api/organisations/" + ORG + "/review",
            Map.of("id", ORG),
            "",
            Map.of("if-match", "9223372036854775807"),
            "{\"status\":\"approved\",\"trusted\":true}",
            Events.admin()),
        412);
  }

  @Test
  void idsOverTheStoresKeyLimit_are404s_onEveryIdRoute() throws Exception {
    problem(
        call(
            listings,
            "GET /api/listings/{id}",
            "/api/listings/x",
            Map.of("id", LONG_ID),
            "",
            Map.of(),
            null,
            null),
        404);
    problem(
        call(
            referrals,
            "GET /api/referrals/{id}",
            "/api/referrals/x",
            Map.of("id", LONG_ID),
            "",
            Map.of(),
            null,
            Events.admin()),
        404);
    problem(
        call(
            organisations,
            "GET /api/organisations/{id}",
            "/api/organisations/x",
            Map.of("id", LONG_ID),
            "",
            Map.of(),
            null,
            null),
        404);
  }

  @Test
  void repositories_findNothingForKeysTheStoreWouldRefuse() {
    String multiByte = "é".repeat(1_500);

    assertThat(wiring.listings.find(LONG_ID)).isEmpty();
    assertThat(wiring.listings.find(multiByte)).isEmpty();
    assertThat(wiring.referrals.find(LONG_ID)).isEmpty();
    assertThat(wiring.organisations.find(LONG_ID)).isEmpty();
    assertThat(wiring.revisions.history(LONG_ID)).isEmpty();
    assertThat(wiring.listings.byOrganisation(LONG_ID)).isEmpty();
  }

  @Test
  void selfReferral_toAListingIdOverTheKeyLimit_isA400NamingListingId() throws Exception {
    int before = wiring.referrals.all().size();

    JsonNode problem =
        problem(
            call(
                referrals,
                "POST /api/referrals",
                "/api/referrals",
                Map.of(),
                "",
                Map.of(),
                selfReferral(LONG_ID, "[\"loneliness\"]"),
                null),
            400);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("listing_id");
    assertThat(wiring.referrals.all()).hasSize(before);
  }

  @Test
  void selfReferral_withANullInNeeds_isA400NamingTheElement_andStoresNothing() throws Exception {
    int before = wiring.referrals.all().size();

    JsonNode problem =
        problem(
            call(
                referrals,
                "POST /api/referrals",
                "/api/referrals",
                Map.of(),
                "",
                Map.of(),
                selfReferral(listing.id(), "[null]"),
                null),
            400);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("needs[0]");
    assertThat(wiring.referrals.all()).hasSize(before);
  }

  @Test
  void search_withAnEmptyParameterName_isA400NamingTheQuery() throws Exception {
    JsonNode problem =
        problem(
            call(search, "GET /api/search", "/api/search", Map.of(), "=x", Map.of(), null, null),
            400);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("query");
  }

  @Test
  void pathId_withATrailingSpace_doesNotReachTheListingWithoutIt() throws Exception {
    APIGatewayV2HTTPResponse exact =
        call(
            listings,
            "GET /api/listings/{id}",
            "/api/listings/" + listing.id(),
            Map.of("id", listing.id()),
            "",
            Map.of(),
            null,
            null);
    assertThat(exact.getStatusCode()).isEqualTo(200);

    problem(
        call(
            listings,
            "GET /api/listings/{id}",
            "/api/listings/" + listing.id() + "%20",
            Map.of("id", listing.id() + " "),
            "",
            Map.of(),
            null,
            null),
        404);
  }

  @Test
  void rateLimit_countsAReplayedSubmissionOnce_evenWhenReplaysRace() throws Exception {
    Wiring strict =
        new Wiring(backend.config(true), ReferralFixtures.settings(1, null), Clock.systemUTC());
    ReferralsFunction limited = new ReferralsFunction(strict);
    String body = selfReferral(listing.id(), "[\"loneliness\"]");
    Map<String, String> key = Map.of("idempotency-key", "race-key-0123456789abcdef");
    ExecutorService threads = Executors.newFixedThreadPool(6);
    List<Callable<Integer>> replays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      replays.add(
          () -> {
            var event =
                Events.request(
                    "POST /api/referrals", "/api/referrals", Map.of(), "", merged(key), body, null);
            event.getRequestContext().getHttp().setSourceIp("198.51.100.44");
            return limited.handleRequest(event, null).getStatusCode();
          });
    }

    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> status : threads.invokeAll(replays)) {
      statuses.add(status.get());
    }
    threads.shutdown();

    // One person, one referral: the limit of one is used once, by whichever replay came first.
    assertThat(statuses).doesNotContain(429).containsOnly(200, 201).contains(201);
    var another =
        Events.request(
            "POST /api/referrals",
            "/api/referrals",
            Map.of(),
            "",
            merged(Map.of("idempotency-key", "other-key-0123456789abcdef")),
            body,
            null);
    another.getRequestContext().getHttp().setSourceIp("198.51.100.44");
    problem(limited.handleRequest(another, null), 429);
  }

  @Test
  void guards_admitASubmissionAlreadyCounted_evenWhenTheWindowIsFull() {
    Instant expires = Instant.now().plusSeconds(7200);

    assertThat(wiring.referrals.admit("bucket-admit", "ref-a", 1, expires)).isTrue();
    assertThat(wiring.referrals.admit("bucket-admit", "ref-a", 1, expires)).isTrue();
    assertThat(wiring.referrals.admit("bucket-admit", "ref-b", 1, expires)).isFalse();
    assertThat(wiring.referrals.admit("bucket-admit", "ref-a", 1, expires)).isTrue();
  }

  private static Map<String, String> merged(Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("content-type", "application/json");
    return all;
  }
}
