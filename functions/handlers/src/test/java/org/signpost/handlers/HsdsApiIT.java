package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsFixtures;
import org.signpost.handlers.hsds.HsdsIds;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/** The HSDS 3.0 export end to end through the handler, against dynalite. */
@ExtendWith(TestBackend.class)
class HsdsApiIT {
  private static final String A = HsdsIds.service("hsds-a");
  private static final String B = HsdsIds.service("hsds-b");
  private static final String C = HsdsIds.service("hsds-c");
  private static HsdsFunction hsds;

  @BeforeAll
  static void seed(TestBackend.Store store) {
    Wiring wiring = new Wiring(store.config(false), Clock.systemUTC());
    hsds =
        new HsdsFunction(
            new HsdsCatalogue(
                wiring.listings, wiring.listings, wiring.organisations, wiring.geocoder));
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-hub", "Sparkhill Hub"));
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-line", "Listening Line Trust"));
    wiring.listingService.importListing(
        HsdsFixtures.ADMIN, "hsds-a", "org-hub", HsdsFixtures.rich("English Café"), null, false);
    wiring.listingService.importListing(
        HsdsFixtures.ADMIN,
        "hsds-b",
        "org-hub",
        HsdsFixtures.rich("=HYPERLINK(\"http://evil.example\",\"Click\")"),
        null,
        false);
    wiring.listingService.importListing(
        HsdsFixtures.ADMIN,
        "hsds-c",
        "org-line",
        HsdsFixtures.phoneLine("Night Listening Line"),
        null,
        false);
    // An untrusted organisation's new listing waits for moderation: it must never be exported.
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN,
        new org.signpost.core.org.Organisation("org-new", "New Group", null, "approved", false, 0));
    wiring.listingService.create(
        new Caller("p1", java.util.Set.of(Role.PROVIDER), Optional.of("org-new")),
        Optional.empty(),
        HsdsFixtures.rich("Unmoderated Draft Club"));
  }

  @Test
  void apiInfo_namesVersionAndProfile() throws Exception {
    JsonNode info = body(get("GET /hsds", "/hsds/", null, ""));
    assertThat(info.get("version").asText()).isEqualTo("3.0");
    assertThat(info.get("openapi_url").asText()).endsWith("open_api.json");
    assertThat(info.get("profile").asText()).endsWith("hsds-profile.md");
  }

  @Test
  void services_listOnlyPublished_inThePaginatedEnvelope() throws Exception {
    JsonNode page = body(get("GET /hsds/services", "/hsds/services", null, "per_page=2"));

    assertThat(page.get("total_items").asInt()).isEqualTo(3);
    assertThat(page.get("total_pages").asInt()).isEqualTo(2);
    assertThat(page.get("page_number").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("first_page").asBoolean()).isTrue();
    assertThat(page.get("last_page").asBoolean()).isFalse();
    assertThat(page.get("empty").asBoolean()).isFalse();
    assertThat(topLevelIds(page)).containsExactly(A, B);

    JsonNode second = body(get("GET /hsds/services", "/hsds/services", null, "per_page=2&page=2"));
    assertThat(second.get("contents")).hasSize(1);
    assertThat(second.get("last_page").asBoolean()).isTrue();
    assertThat(Json.write(page) + Json.write(second)).doesNotContain("Unmoderated Draft Club");
  }

  @Test
  void services_filterBySearchTaxonomyOrganisationAndDate() throws Exception {
    assertThat(ids("search=listening")).containsExactly(C);
    assertThat(ids("taxonomy_term_id=need:mental_health_crisis")).containsExactly(C);
    assertThat(ids("taxonomy_term_id=" + HsdsIds.term("need:mental_health_crisis")))
        .containsExactly(C);
    assertThat(ids("taxonomy_term_id=profile:accessibility:step_free")).containsExactly(A, B);
    assertThat(ids("taxonomy_term_id=" + HsdsIds.term("nope:nope"))).isEmpty();
    assertThat(ids("taxonomy_id=" + HsdsIds.taxonomy("signpost-needs"))).containsExactly(A, B, C);
    assertThat(ids("organization_id=org-line")).containsExactly(C);
    assertThat(ids("organization_id=" + HsdsIds.organization("org-line"))).containsExactly(C);
    assertThat(ids("modified_after=2000-01-01")).hasSize(3);
    assertThat(ids("modified_after=2999-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void services_minimal_andNdjson() throws Exception {
    JsonNode minimal = body(get("GET /hsds/services", "/hsds/services", null, "minimal=true"));
    java.util.List<String> keys = new java.util.ArrayList<>();
    minimal.get("contents").get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "modified_date");

    JsonNode oneToOne =
        body(get("GET /hsds/services", "/hsds/services", null, "full=false")).get("contents");
    assertThat(oneToOne.get(0).has("schedules")).isFalse();
    assertThat(oneToOne.get(0).has("organization")).isTrue();
    JsonNode full = body(get("GET /hsds/services", "/hsds/services", null, "full=true"));
    assertThat(full.get("contents").get(0).has("schedules")).isTrue();

    APIGatewayV2HTTPResponse ndjson =
        get("GET /hsds/services", "/hsds/services", null, "format=ndjson");
    assertThat(ndjson.getHeaders()).containsEntry("Content-Type", "application/x-ndjson");
    String[] lines = ndjson.getBody().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(Json.MAPPER.readTree(lines[0]).get("id").asText()).isEqualTo(A);
    // every result, not one page: per_page does not cut an ndjson answer short
    assertThat(
            get("GET /hsds/services", "/hsds/services", null, "format=ndjson&per_page=1")
                .getBody()
                .split("\n"))
        .hasSize(3);
  }

  @Test
  void csvExport_escapesFormulaCells() {
    APIGatewayV2HTTPResponse csv = get("GET /hsds/services", "/hsds/services", null, "format=csv");

    assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
    assertThat(csv.getBody()).contains("'=HYPERLINK(");
    assertThat(csv.getBody()).doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
  }

  @Test
  void service_isFull_withOrganisationLocationsSchedulesPhonesLanguagesAndCost() throws Exception {
    JsonNode s = body(get("GET /hsds/services/{id}", "/hsds/services/" + A, Map.of("id", A), ""));
    JsonNode byInternalId =
        body(get("GET /hsds/services/{id}", "/hsds/services/hsds-a", Map.of("id", "hsds-a"), ""));
    assertThat(byInternalId).isEqualTo(s);
    assertThat(s.get("id").asText()).isEqualTo(A);
    assertThat(s.get("organization_id").asText()).isEqualTo(HsdsIds.organization("org-hub"));
    for (String id : s.findValuesAsText("id")) {
      assertThat(HsdsIds.isUuid(id)).as(id).isTrue();
    }

    assertThat(s.get("organization").get("name").asText()).isEqualTo("Sparkhill Hub");
    JsonNode location = s.get("service_at_locations").get(0).get("location");
    assertThat(location.get("latitude").asDouble()).isEqualTo(52.4569);
    assertThat(location.get("addresses").get(0).get("postal_code").asText()).isEqualTo("B11 4AB");
    assertThat(s.get("schedules")).hasSize(4);
    assertThat(s.get("phones").get(0).get("number").asText()).isEqualTo("0121 496 0123");
    assertThat(s.get("languages").findValuesAsText("code")).containsExactly("en", "ur");
    assertThat(s.get("cost_options").get(0).get("option").asText()).isEqualTo("small_charge");
  }

  @Test
  void unpublishedOrMissingService_is404_andBadParameters_are400() throws Exception {
    APIGatewayV2HTTPResponse missing =
        get("GET /hsds/services/{id}", "/hsds/services/nope", Map.of("id", "nope"), "");
    assertThat(missing.getStatusCode()).isEqualTo(404);

    APIGatewayV2HTTPResponse bad =
        get("GET /hsds/services", "/hsds/services", null, "per_page=100000");
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(bad.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body(bad).get("errors").get(0).get("field").asText()).isEqualTo("per_page");

    APIGatewayV2HTTPResponse date =
        get("GET /hsds/services", "/hsds/services", null, "modified_after=yesterday");
    assertThat(body(date).get("errors").get(0).get("field").asText()).isEqualTo("modified_after");
    APIGatewayV2HTTPResponse format =
        get("GET /hsds/services", "/hsds/services", null, "format=xml");
    assertThat(format.getStatusCode()).isEqualTo(400);
  }

  @Test
  void taxonomies_publishNeedsAndCategories_andTermsFilterByTaxonomy() throws Exception {
    JsonNode taxonomies = body(get("GET /hsds/taxonomies", "/hsds/taxonomies", null, ""));
    assertThat(topLevelIds(taxonomies))
        .contains(HsdsIds.taxonomy("signpost-needs"), HsdsIds.taxonomy("signpost-categories"));

    JsonNode needs =
        body(
            get(
                "GET /hsds/taxonomy_terms",
                "/hsds/taxonomy_terms",
                null,
                "taxonomy_id=signpost-needs"));
    assertThat(needs.get("total_items").asInt()).isEqualTo(15);
    assertThat(topLevelIds(needs)).contains(HsdsIds.term("need:loneliness"));
    JsonNode byUuid =
        body(
            get(
                "GET /hsds/taxonomy_terms",
                "/hsds/taxonomy_terms",
                null,
                "per_page=4&page=2&taxonomy_id=" + HsdsIds.taxonomy("signpost-needs")));
    assertThat(byUuid.get("total_items").asInt()).isEqualTo(15);
    assertThat(byUuid.get("total_pages").asInt()).isEqualTo(4);
    assertThat(byUuid.get("contents")).hasSize(4);
    assertThat(
            body(get("GET /hsds/taxonomy_terms", "/hsds/taxonomy_terms", null, "top_only=true"))
                .get("total_items")
                .asInt())
        .isGreaterThan(15);
    String parent = HsdsIds.term("need:loneliness");
    assertThat(
            body(get(
                    "GET /hsds/taxonomy_terms",
                    "/hsds/taxonomy_terms",
                    null,
                    "parent_id=" + parent))
                .get("total_items")
                .asInt())
        .isZero();

    String taxonomyId = HsdsIds.taxonomy("signpost-needs");
    JsonNode taxonomy =
        body(
            get(
                "GET /hsds/taxonomies/{id}",
                "/hsds/taxonomies/" + taxonomyId,
                Map.of("id", taxonomyId),
                ""));
    assertThat(taxonomy.get("name").asText()).isEqualTo("Signpost needs");
    assertThat(taxonomy.get("taxonomy_terms")).hasSize(15);
    JsonNode term =
        body(
            get(
                "GET /hsds/taxonomy_terms/{id}",
                "/hsds/taxonomy_terms/" + parent,
                Map.of("id", parent),
                ""));
    assertThat(term.get("code").asText()).isEqualTo("loneliness");
    assertThat(term.get("taxonomy_id").asText()).isEqualTo(taxonomyId);
    String unknown = HsdsIds.term("need:nope");
    assertThat(
            get(
                    "GET /hsds/taxonomy_terms/{id}",
                    "/hsds/taxonomy_terms/" + unknown,
                    Map.of("id", unknown),
                    "")
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void organizations_listOnlyThoseWithPublishedServices_withServicesBriefOrFull() throws Exception {
    JsonNode page = body(get("GET /hsds/organizations", "/hsds/organizations", null, "per_page=1"));
    assertThat(page.get("total_items").asInt()).isEqualTo(2);
    assertThat(page.get("total_pages").asInt()).isEqualTo(2);
    assertThat(Json.write(page)).doesNotContain("New Group");

    String hub = HsdsIds.organization("org-hub");
    JsonNode brief =
        body(
            get(
                "GET /hsds/organizations/{id}",
                "/hsds/organizations/" + hub,
                Map.of("id", hub),
                ""));
    assertThat(brief.get("name").asText()).isEqualTo("Sparkhill Hub");
    assertThat(brief.get("services").findValuesAsText("id")).containsExactly(A, B);
    assertThat(brief.get("services").get(0).has("schedules")).isFalse();
    JsonNode full =
        body(
            get(
                "GET /hsds/organizations/{id}",
                "/hsds/organizations/" + hub,
                Map.of("id", hub),
                "full_service=true"));
    assertThat(full.get("services").get(0).has("schedules")).isTrue();

    String newGroup = HsdsIds.organization("org-new");
    assertThat(
            get(
                    "GET /hsds/organizations/{id}",
                    "/hsds/organizations/" + newGroup,
                    Map.of("id", newGroup),
                    "")
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void serviceAtLocations_listEveryLocation_andFilterByDistanceFromAPostcode() throws Exception {
    JsonNode all =
        body(get("GET /hsds/service_at_locations", "/hsds/service_at_locations", null, ""));
    assertThat(all.get("total_items").asInt()).isPositive();
    JsonNode first = all.get("contents").get(0);
    assertThat(first.get("location").get("addresses").get(0).get("postal_code").asText())
        .isEqualTo("B11 4AB");
    assertThat(first.get("service").get("id").asText()).isIn(A, B);

    // B11 4AB is the fixtures' Sparkhill location; B45 9AA is Rubery, about 12 km away
    JsonNode near =
        body(
            get(
                "GET /hsds/service_at_locations",
                "/hsds/service_at_locations",
                null,
                "postcode=B11%204AB&proximity=5000"));
    assertThat(near.get("total_items").asInt()).isEqualTo(all.get("total_items").asInt());
    JsonNode far =
        body(
            get(
                "GET /hsds/service_at_locations",
                "/hsds/service_at_locations",
                null,
                "postcode=B45%209AA&proximity=5000"));
    assertThat(far.get("total_items").asInt()).isZero();

    String id = first.get("id").asText();
    JsonNode one =
        body(
            get(
                "GET /hsds/service_at_locations/{id}",
                "/hsds/service_at_locations/" + id,
                Map.of("id", id),
                ""));
    assertThat(one.get("location_id").asText()).isEqualTo(first.get("location_id").asText());
  }

  @Test
  void badInput_isAClearProblem_neverA5xx() throws Exception {
    for (String query :
        new String[] {
          "per_page=0",
          "per_page=-3",
          "per_page=100000",
          "format=xml",
          "modified_after=yesterday",
          "minimal=maybe",
          "full=perhaps"
        }) {
      APIGatewayV2HTTPResponse response = get("GET /hsds/services", "/hsds/services", null, query);
      assertThat(response.getStatusCode()).as(query).isEqualTo(400);
      assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }
    for (String query :
        new String[] {"postcode=B11", "proximity=500", "postcode=nowhere&proximity=5"}) {
      APIGatewayV2HTTPResponse response =
          get("GET /hsds/service_at_locations", "/hsds/service_at_locations", null, query);
      assertThat(response.getStatusCode()).as(query).isEqualTo(400);
    }
    APIGatewayV2HTTPResponse malformed =
        get(
            "GET /hsds/service_at_locations/{id}",
            "/hsds/service_at_locations/not-a-uuid",
            Map.of("id", "not-a-uuid"),
            "");
    assertThat(malformed.getStatusCode()).isEqualTo(400);
    String unknown = "00000000-0000-5000-8000-000000000000";
    for (String route : new String[] {"services", "organizations", "service_at_locations"}) {
      APIGatewayV2HTTPResponse missing =
          get(
              "GET /hsds/" + route + "/{id}",
              "/hsds/" + route + "/" + unknown,
              Map.of("id", unknown),
              "");
      assertThat(missing.getStatusCode()).as(route).isEqualTo(404);
    }
    APIGatewayV2HTTPResponse terms =
        get("GET /hsds/taxonomy_terms", "/hsds/taxonomy_terms", null, "per_page=0");
    assertThat(terms.getStatusCode()).isEqualTo(400);
  }

  private static java.util.List<String> ids(String query) throws Exception {
    return topLevelIds(body(get("GET /hsds/services", "/hsds/services", null, query)));
  }

  private static java.util.List<String> topLevelIds(JsonNode page) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    page.get("contents").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static APIGatewayV2HTTPResponse get(
      String route, String path, Map<String, String> params, String query) {
    return hsds.handleRequest(
        Events.request(route, path, params, query, Map.of(), null, null), null);
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }
}
