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
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/** The HSDS 3.0 export end to end through the handler, against dynalite. */
@ExtendWith(TestBackend.class)
class HsdsApiIT {
  private static HsdsFunction hsds;

  @BeforeAll
  static void seed(TestBackend.Store store) {
    Wiring wiring = new Wiring(store.config(false), Clock.systemUTC());
    hsds =
        new HsdsFunction(new HsdsCatalogue(wiring.listings, wiring.listings, wiring.organisations));
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
    assertThat(topLevelIds(page)).containsExactly("hsds-a", "hsds-b");

    JsonNode second = body(get("GET /hsds/services", "/hsds/services", null, "per_page=2&page=2"));
    assertThat(second.get("contents")).hasSize(1);
    assertThat(second.get("last_page").asBoolean()).isTrue();
    assertThat(Json.write(page) + Json.write(second)).doesNotContain("Unmoderated Draft Club");
  }

  @Test
  void services_filterBySearchTaxonomyOrganisationAndDate() throws Exception {
    assertThat(ids("search=listening")).containsExactly("hsds-c");
    assertThat(ids("taxonomy_term_id=need:mental_health_crisis")).containsExactly("hsds-c");
    assertThat(ids("taxonomy_term_id=profile:accessibility:step_free"))
        .containsExactly("hsds-a", "hsds-b");
    assertThat(ids("organization_id=org-line")).containsExactly("hsds-c");
    assertThat(ids("modified_after=2000-01-01")).hasSize(3);
    assertThat(ids("modified_after=2999-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void services_minimal_andNdjson() throws Exception {
    JsonNode minimal = body(get("GET /hsds/services", "/hsds/services", null, "minimal=true"));
    assertThat(minimal.get("contents").get(0).has("schedules")).isFalse();
    assertThat(minimal.get("contents").get(0).has("name")).isTrue();

    APIGatewayV2HTTPResponse ndjson =
        get("GET /hsds/services", "/hsds/services", null, "format=ndjson");
    assertThat(ndjson.getHeaders()).containsEntry("Content-Type", "application/x-ndjson");
    String[] lines = ndjson.getBody().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(Json.MAPPER.readTree(lines[0]).get("id").asText()).isEqualTo("hsds-a");
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
    JsonNode s =
        body(get("GET /hsds/services/{id}", "/hsds/services/hsds-a", Map.of("id", "hsds-a"), ""));

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
    assertThat(topLevelIds(taxonomies)).contains("signpost-needs", "signpost-categories");

    JsonNode needs =
        body(
            get(
                "GET /hsds/taxonomy_terms",
                "/hsds/taxonomy_terms",
                null,
                "taxonomy_id=signpost-needs"));
    assertThat(needs.get("total_items").asInt()).isEqualTo(15);
    assertThat(topLevelIds(needs)).contains("need:loneliness");
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
