package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsFixtures;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/**
 * Every HSDS endpoint, through the handler against dynalite, validated against the official Open
 * Referral UK V3.0-UK schemas (vendored in src/test/resources/oruk-v3.0-uk/ with their licence),
 * with formats asserted (every id a UUID) as the ORUK validator does, and the validator's paging
 * rules checked on the first, a middle and the last page.
 */
@ExtendWith(TestBackend.class)
class OrukConformanceIT {
  private static final String BASE = "https://signpost.example/oruk/";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:oruk-v3.0-uk/")));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static HsdsFunction hsds;

  @BeforeAll
  static void seed(TestBackend.Store store) {
    Wiring wiring = new Wiring(store.config(false), Clock.systemUTC());
    hsds =
        new HsdsFunction(
            new HsdsCatalogue(
                wiring.listings, wiring.listings, wiring.organisations, wiring.geocoder));
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-oruk-1", "Sparkhill Hub"));
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-oruk-2", "Listening Line Trust"));
    for (int i = 0; i < 4; i++) {
      wiring.listingService.importListing(
          HsdsFixtures.ADMIN,
          "oruk-" + i,
          "org-oruk-1",
          HsdsFixtures.rich("English Café " + i),
          "2026-09-01",
          false);
    }
    wiring.listingService.importListing(
        HsdsFixtures.ADMIN,
        "oruk-line",
        "org-oruk-2",
        HsdsFixtures.phoneLine("Night Line"),
        null,
        false);
  }

  @Test
  void apiDetails_conform() {
    assertThat(errors("api_details.json", get("/hsds", Map.of(), ""))).isEmpty();
  }

  @Test
  void services_everyPageAndEveryService_conform_withConsistentPaging() {
    List<JsonNode> items = pages("/hsds/services", "service_list.json", 5);
    for (JsonNode service : items) {
      assertThat(errors("service.json", service)).isEmpty();
      String id = service.get("id").asText();
      assertThat(errors("service.json", get("/hsds/services/{id}", Map.of("id", id), "")))
          .isEmpty();
    }
  }

  @Test
  void organizations_conform_withAndWithoutFullServices() {
    List<JsonNode> items = pages("/hsds/organizations", "organization_list.json", 2);
    for (JsonNode organization : items) {
      assertThat(errors("organization.json", organization)).isEmpty();
      Map<String, String> id = Map.of("id", organization.get("id").asText());
      assertThat(errors("organization.json", get("/hsds/organizations/{id}", id, ""))).isEmpty();
      assertThat(
              errors("organization.json", get("/hsds/organizations/{id}", id, "full_service=true")))
          .isEmpty();
    }
  }

  @Test
  void serviceAtLocations_conform() {
    List<JsonNode> items = pages("/hsds/service_at_locations", "service_at_location_list.json", 4);
    for (JsonNode sal : items) {
      assertThat(errors("service_at_location.json", sal)).isEmpty();
      Map<String, String> id = Map.of("id", sal.get("id").asText());
      assertThat(errors("service_at_location.json", get("/hsds/service_at_locations/{id}", id, "")))
          .isEmpty();
    }
  }

  @Test
  void taxonomiesAndTerms_conform() {
    for (JsonNode taxonomy : pages("/hsds/taxonomies", "taxonomy_list.json", 3)) {
      assertThat(errors("taxonomy.json", taxonomy)).isEmpty();
      Map<String, String> id = Map.of("id", taxonomy.get("id").asText());
      assertThat(errors("taxonomy.json", get("/hsds/taxonomies/{id}", id, ""))).isEmpty();
    }
    List<JsonNode> terms = pages("/hsds/taxonomy_terms", "taxonomy_term_list.json", 50);
    for (JsonNode term : terms) {
      assertThat(errors("taxonomy_term.json", term)).isEmpty();
    }
    Map<String, String> first = Map.of("id", terms.get(0).get("id").asText());
    assertThat(errors("taxonomy_term.json", get("/hsds/taxonomy_terms/{id}", first, ""))).isEmpty();
  }

  @Test
  void theSchemas_catchANonUuidId_soTheChecksAbove_canFail() {
    JsonNode service = get("/hsds/services/{id}", Map.of("id", "oruk-0"), "");
    ((com.fasterxml.jackson.databind.node.ObjectNode) service).put("id", "oruk-0");

    assertThat(errors("service.json", service)).anyMatch(m -> m.contains("uuid"));
  }

  /**
   * Walks the first, a middle and the last page at {@code perPage}, checking each against the list
   * schema and the paging fields against each other, and returns every item seen.
   */
  private static List<JsonNode> pages(String path, String listSchema, int expectedTotal) {
    int perPage = 2;
    JsonNode first = get(path, Map.of(), "per_page=" + perPage + "&page=1");
    int total = first.get("total_items").asInt();
    assertThat(total).as(path + " total_items").isGreaterThanOrEqualTo(expectedTotal);
    int totalPages = Math.max(1, (total + perPage - 1) / perPage);
    Set<Integer> wanted =
        new java.util.TreeSet<>(List.of(1, Math.max(1, totalPages / 2), totalPages));
    List<JsonNode> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page : wanted) {
      JsonNode body = get(path, Map.of(), "per_page=" + perPage + "&page=" + page);
      assertThat(errors(listSchema, body)).as(path + " page " + page).isEmpty();
      assertThat(body.get("total_items").asInt()).isEqualTo(total);
      assertThat(body.get("total_pages").asInt()).isEqualTo(totalPages);
      assertThat(body.get("page_number").asInt()).isEqualTo(page);
      assertThat(body.get("size").asInt()).isEqualTo(perPage);
      assertThat(body.get("first_page").asBoolean()).isEqualTo(page == 1);
      assertThat(body.get("last_page").asBoolean()).isEqualTo(page == totalPages);
      int expected = page < totalPages ? perPage : total - perPage * (totalPages - 1);
      assertThat(body.get("contents")).as(path + " page " + page).hasSize(expected);
      assertThat(body.get("empty").asBoolean()).isEqualTo(expected == 0);
      for (JsonNode item : body.get("contents")) {
        assertThat(seen.add(item.get("id").asText())).as("repeated " + item.get("id")).isTrue();
        items.add(item);
      }
    }
    return items;
  }

  private static JsonNode get(String route, Map<String, String> params, String query) {
    String path = route;
    for (Map.Entry<String, String> p : params.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    APIGatewayV2HTTPResponse response =
        hsds.handleRequest(
            Events.request(
                "GET " + route,
                path,
                params.isEmpty() ? null : params,
                query,
                Map.of(),
                null,
                null),
            null);
    assertThat(response.getStatusCode()).as(route + "?" + query).isEqualTo(200);
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> errors(String schemaName, JsonNode document) {
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + schemaName), CONFIG);
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).toList();
  }
}
