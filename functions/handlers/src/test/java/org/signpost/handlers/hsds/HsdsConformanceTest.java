package org.signpost.handlers.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signpost.core.listing.Listing;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;

/**
 * Validates every kind of export against HSDS 3.0 JSON schemas we wrote from the specification's
 * field list (src/test/resources/hsds-schema/). The schemas forbid unknown properties, so an
 * invented top-level field fails here.
 */
class HsdsConformanceTest {
  private static final String BASE = "https://signpost.example/hsds-schema/";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:hsds-schema/")));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final Organisation ORG = HsdsFixtures.organisation("org-hub", "Sparkhill Hub");

  private static final List<Listing> LISTINGS =
      List.of(
          HsdsFixtures.published("lst-1", ORG, HsdsFixtures.rich("English Café")),
          HsdsFixtures.published("lst-2", ORG, HsdsFixtures.phoneLine("Night Line")));

  @Test
  void fullServices_conformToTheServiceSchema() {
    for (Listing listing : LISTINGS) {
      assertThat(errors("service.json", HsdsMapping.toService(listing, ORG))).isEmpty();
    }
  }

  @Test
  void minimalServices_areJustIdAndModifiedDate_asOrukAsks() {
    ObjectNode minimal = HsdsMapping.minimal(LISTINGS.get(0));
    List<String> fields = new java.util.ArrayList<>();
    minimal.fieldNames().forEachRemaining(fields::add);

    assertThat(fields).containsExactly("id", "modified_date");
    assertThat(HsdsIds.isUuid(minimal.get("id").asText())).isTrue();
  }

  @Test
  void oneToOneServices_conformToTheServiceSchema_withoutArrays() {
    ObjectNode service = HsdsMapping.oneToOne(LISTINGS.get(0), ORG);

    assertThat(errors("service.json", service)).isEmpty();
    assertThat(service.has("schedules")).isFalse();
  }

  @Test
  void schema_catchesAnInventedTopLevelField_andAMissingRequiredOne() {
    ObjectNode invented = HsdsMapping.toService(LISTINGS.get(0), ORG).put("needs", "loneliness");
    ObjectNode missing = HsdsMapping.toService(LISTINGS.get(0), ORG);
    missing.remove("name");

    assertThat(errors("service.json", invented)).anyMatch(m -> m.contains("needs"));
    assertThat(errors("service.json", missing)).anyMatch(m -> m.contains("name"));
  }

  @Test
  void pages_taxonomies_terms_andApiInfo_conform() throws Exception {
    HsdsCatalogue.Page page =
        new HsdsCatalogue.Page(
            List.of(HsdsMapping.toService(LISTINGS.get(0), ORG)),
            1,
            1,
            HsdsCatalogue.DEFAULT_PER_PAGE);
    assertThat(errors("page.json", body(HsdsResponses.page(page)))).isEmpty();
    assertThat(errors("api_info.json", body(HsdsResponses.apiInfo()))).isEmpty();

    JsonNode taxonomies = body(HsdsResponses.taxonomies(Map.of()));
    assertThat(errors("page.json", taxonomies)).isEmpty();
    for (JsonNode taxonomy : taxonomies.get("contents")) {
      assertThat(errors("taxonomy.json", taxonomy)).isEmpty();
    }
    JsonNode terms = body(HsdsResponses.terms(Map.of()));
    assertThat(errors("page.json", terms)).isEmpty();
    assertThat(terms.get("contents").size()).isGreaterThan(40);
    for (JsonNode term : terms.get("contents")) {
      assertThat(errors("taxonomy_term.json", term)).isEmpty();
    }
  }

  private static JsonNode body(ApiResponse response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  private static List<String> errors(String schemaName, JsonNode document) {
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + schemaName), CONFIG);
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).toList();
  }
}
