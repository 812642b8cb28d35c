package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.listing.Listing;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/** Search, postcodes, suggest, crisis and admin synonyms through the handlers, on dynalite. */
@ExtendWith(TestBackend.class)
class SearchApiIT {
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
  private static Wiring wiring;
  private static SearchFunction search;
  private static SettingsFunction settings;
  private static long imported;

  @BeforeAll
  static void wire(TestBackend.Store store) throws Exception {
    wiring = new Wiring(store.config(true), Clock.systemUTC());
    try (BufferedReader csv =
        new BufferedReader(
            new InputStreamReader(
                SearchApiIT.class.getResourceAsStream("/postcodes/onspd-sample.csv"),
                StandardCharsets.UTF_8))) {
      imported = wiring.postcodes.importCsv(csv);
    }
    for (String org : DemoListings.ALL.stream().map(Listing::organisationId).distinct().toList()) {
      wiring.organisationService.upsert(
          ADMIN, new Organisation(org, org, null, Organisation.APPROVED, true, 0));
    }
    for (Listing listing : DemoListings.ALL) {
      wiring.listingService.importListing(
          ADMIN,
          listing.id(),
          listing.organisationId(),
          listing.content(),
          listing.assuredDate(),
          false);
    }
    search = new SearchFunction(wiring.newSearchService(), wiring.searchParams);
    settings = new SettingsFunction(wiring.settingsTable, Clock.systemUTC(), wiring.identity);
    Events.enrol(wiring.memberships, Events.provider("org-x"), Events.admin());
  }

  private static APIGatewayV2HTTPResponse get(String route, String query) {
    return search.handleRequest(
        Events.request(route, route.substring(4), Map.of(), query, Map.of(), null, null), null);
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  @Test
  void postcodeImport_skipsRowsWithoutACentroid() {
    assertThat(imported).isEqualTo(4);
  }

  @Test
  void near_acceptsImportedPostcode_outwardCode_andLatLon_withDistances() throws Exception {
    for (String near : List.of("B11+4AD", "b114ad", "B11", "52.459,-1.852")) {
      APIGatewayV2HTTPResponse response = get("GET /api/search", "near=" + near + "&radius_km=3");

      assertThat(response.getStatusCode()).as(near).isEqualTo(200);
      // The index is up to date with the store: the answer says so and carries no Warning.
      assertThat(body(response).get("stale").isBoolean()).isTrue();
      assertThat(body(response).get("stale").asBoolean()).isFalse();
      assertThat(response.getHeaders()).doesNotContainKey("Warning");
      JsonNode results = body(response).get("results");
      assertThat(results).as(near).isNotEmpty();
      for (JsonNode result : results) {
        List<String> delivery = DemoListings.byId(result.get("id").asText()).content().delivery();
        boolean remote = delivery.contains("online") || delivery.contains("phone");
        if (result.get("place_bound").asBoolean()) {
          // Beyond the radius only when it can also be joined online or by phone.
          assertThat(result.get("distance_km").asDouble() <= 3.0 || remote).isTrue();
        } else {
          assertThat(result.get("distance_km").isNull()).isTrue();
        }
      }
    }
    JsonNode exact = body(get("GET /api/search", "near=B11%204AD&sort=distance&limit=1"));
    assertThat(exact.at("/results/0/distance_km").asDouble()).isLessThan(0.05);
    assertThat(exact.at("/results/0/why").toString()).contains("km away");
  }

  @Test
  void unknownPostcode_isA400NamingNear() throws Exception {
    APIGatewayV2HTTPResponse response = get("GET /api/search", "near=B11%209ZZ");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("near");
    assertThat(body(response).at("/errors/0/message").asText()).contains("unknown postcode");
  }

  @ParameterizedTest
  @CsvSource({
    "need=sadness,need",
    "category=knitting,category",
    "language=xx,language",
    "accessibility=lift,accessibility",
    "delivery=post,delivery",
    "kind=event,kind",
    "day=tuesday,day",
    "age=130,age",
    "age=-3,age",
    "radius_km=500&near=B11,radius_km",
    "cursor=%25%25not-a-cursor,cursor",
    "cursor=bm9wZQ,cursor",
    "open_now=yes,open_now",
    "sort=distance,sort"
  })
  void badInput_isA400NamingTheParameter(String query, String parameter) throws Exception {
    APIGatewayV2HTTPResponse response = get("GET /api/search", query);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body(response).at("/errors/0/field").asText()).isEqualTo(parameter);
  }

  @Test
  void anyText_isA200() throws Exception {
    for (String q :
        List.of(
            "x".repeat(10_240),
            "name:(english OR \"cafe\"~2)^3 AND NOT *",
            "🙂🙃 walking 🚶",
            "\u202Eمحادثة باللغة الإنجليزية",
            "\\\\ // [[ {{")) {
      APIGatewayV2HTTPResponse response =
          get("GET /api/search", "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      assertThat(response.getStatusCode())
          .as(q.substring(0, Math.min(20, q.length())))
          .isEqualTo(200);
    }
  }

  @Test
  void distress_returnsTheCrisisBlockFirst_andPinsCrisisServices() throws Exception {
    JsonNode found = body(get("GET /api/search", "q=i%20want%20to%20die"));

    assertThat(found.at("/crisis/routes").findValuesAsText("contact"))
        .containsExactly("116 123", "111, option 2", "Text SHOUT to 85258", "999");
    assertThat(found.at("/results/0/crisis").asBoolean()).isTrue();
    assertThat(
            body(get("GET /api/search", "q=suicide%20prevention%20training"))
                .get("crisis")
                .isNull())
        .isTrue();
  }

  @Test
  void results_sayWhyTheyMatched_andFacetsCountTheQuery() throws Exception {
    JsonNode found = body(get("GET /api/search", "q=english&need=learning_english&free=true"));

    assertThat(found.get("total").asLong()).isPositive();
    assertThat(found.at("/results/0/why").toString())
        .contains("need: learning_english", "cost: free");
    assertThat(found.at("/facets/need/learning_english").asLong())
        .isEqualTo(found.get("total").asLong());
    assertThat(found.at("/facets/cost/free").asLong()).isEqualTo(found.get("total").asLong());
  }

  @Test
  void nothingFound_explainsHowToRecover() throws Exception {
    JsonNode found =
        body(
            get(
                "GET /api/search",
                "q=english&near=B11&radius_km=1&delivery=in_person&kind=signpost"));

    assertThat(found.get("total").asLong()).isZero();
    assertThat(found.at("/recovery/wider_radius/radius_km").asDouble()).isEqualTo(11.0);
    assertThat(found.at("/recovery/without_filter/parameter").asText()).isNotEmpty();
    assertThat(found.at("/recovery/without_filter/count").asLong()).isPositive();
  }

  @Test
  void suggest_completesPrefixes_andNeedsOne() throws Exception {
    JsonNode found = body(get("GET /api/suggest", "prefix=engl"));

    assertThat(found.get("suggestions")).isNotEmpty().hasSizeLessThanOrEqualTo(8);
    assertThat(found.get("suggestions").toString().toLowerCase()).contains("english");
    assertThat(get("GET /api/suggest", "").getStatusCode()).isEqualTo(400);
  }

  @Test
  void adminSynonyms_areAdminOnly_andValidated() throws Exception {
    String route = "PUT /api/admin/synonyms";
    String list = "{\"synonyms\":\"natter, chinwag\"}";
    var asProvider =
        settings.handleRequest(
            Events.request(
                route,
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of(),
                list,
                Events.provider("org-x")),
            null);
    assertThat(asProvider.getStatusCode()).isEqualTo(403);

    var saved =
        settings.handleRequest(
            Events.request(
                route, "/api/admin/synonyms", Map.of(), "", Map.of(), list, Events.admin()),
            null);
    assertThat(saved.getStatusCode()).isEqualTo(200);
    assertThat(wiring.settingsTable.current())
        .hasValueSatisfying(e -> assertThat(e.text()).contains("chinwag"));

    var bad =
        settings.handleRequest(
            Events.request(
                route,
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of(),
                "{\"synonyms\":\"a => \\n=> b, ,\"}",
                Events.admin()),
            null);
    assertThat(bad.getStatusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource({
    "GET, anonymous, 401",
    "GET, prescriber, 403",
    "GET, provider, 403",
    "PUT, anonymous, 401",
    "PUT, prescriber, 403"
  })
  void adminSynonyms_refuseEveryoneButAdmins_andChangeNothing(String method, String who, int status)
      throws Exception {
    long before = wiring.settingsTable.current().map(e -> e.version()).orElse(0L);
    Map<String, String> claims =
        switch (who) {
          case "prescriber" -> Events.prescriber();
          case "provider" -> Events.provider("org-x");
          default -> null;
        };

    var response =
        settings.handleRequest(
            Events.request(
                method + " /api/admin/synonyms",
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of(),
                method.equals("PUT") ? "{\"synonyms\":\"tea, cuppa\"}" : null,
                claims),
            null);

    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(response.getBody()).doesNotContain("natter");
    assertThat(wiring.settingsTable.current().map(e -> e.version()).orElse(0L)).isEqualTo(before);
  }

  @Test
  void adminSynonyms_readByAnAdmin_isTheSavedListAndVersion() throws Exception {
    var response =
        settings.handleRequest(
            Events.request(
                "GET /api/admin/synonyms",
                "/api/admin/synonyms",
                Map.of(),
                "",
                Map.of(),
                null,
                Events.admin()),
            null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.get("version").asLong())
        .isEqualTo(wiring.settingsTable.current().map(e -> e.version()).orElse(0L));
    assertThat(body.get("synonyms").asText())
        .isEqualTo(wiring.settingsTable.current().map(e -> e.text()).orElse(""));
  }
}
