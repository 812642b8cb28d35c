package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ApiContract;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/** Moderation, verification and audit through the handlers, against dynalite. */
@ExtendWith(TestBackend.class)
class ModerationIT {
  private static final String UNTRUSTED = "org-new-community-choir";
  private static ListingsFunction listings;
  private static ModerationFunction moderation;
  private static OrganisationsFunction organisations;
  private static SearchFunction search;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    Wiring wiring = new Wiring(store.config(false), Clock.systemUTC());
    wiring.organisationService.upsert(
        new org.signpost.core.auth.Caller(
            "admin",
            java.util.Set.of(org.signpost.core.auth.Role.ADMIN),
            java.util.Optional.empty()),
        new Organisation(UNTRUSTED, "New Community Choir", null, Organisation.APPROVED, false, 0));
    listings = new ListingsFunction(wiring.listingService, wiring.identity);
    moderation = new ModerationFunction(wiring.moderationService, wiring.identity);
    organisations = new OrganisationsFunction(wiring.organisationService, wiring.identity);
    Events.enrol(
        wiring.memberships,
        Events.provider(UNTRUSTED),
        Events.provider("org-someone-else"),
        Events.admin(),
        Events.prescriber());
    search = new SearchFunction(wiring.newSearchService());
  }

  @Test
  void untrustedListing_waitsForApproval_thenIsSearchable_andEditsAreDiffedAndRejectable()
      throws Exception {
    JsonNode created =
        call(
            listings,
            "POST /api/listings",
            "/api/listings",
            Map.of(),
            Map.of(),
            ListingsApiIT.validBody("Harmony Choir Hall Green"),
            Events.provider(UNTRUSTED),
            201);
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("submitted");
    assertThat(searchIds("harmony")).doesNotContain(id);

    JsonNode queue =
        call(
            moderation,
            "GET /api/moderation/queue",
            "/api/moderation/queue",
            Map.of(),
            Map.of(),
            null,
            Events.admin(),
            200);
    ApiContract.assertMatches(Json.write(queue), "Queue");
    JsonNode item = itemFor(queue, id);
    assertThat(item.get("kind").asText()).isEqualTo("new");

    JsonNode approved =
        call(
            moderation,
            "POST /api/listings/{id}/approve",
            "/api/listings/" + id + "/approve",
            Map.of("id", id),
            Map.of("if-match", "\"1\""),
            null,
            Events.admin(),
            200);
    assertThat(approved.get("status").asText()).isEqualTo("published");
    assertThat(searchIds("harmony")).contains(id);

    JsonNode edited =
        call(
            listings,
            "PUT /api/listings/{id}",
            "/api/listings/" + id,
            Map.of("id", id),
            Map.of("if-match", "\"2\""),
            ListingsApiIT.validBody("Harmony Choir Hall Green SPAM"),
            Events.provider(UNTRUSTED),
            200);
    assertThat(edited.get("name").asText()).isEqualTo("Harmony Choir Hall Green");
    assertThat(edited.get("pending").get("name").asText()).endsWith("SPAM");

    JsonNode editItem =
        itemFor(
            call(
                moderation,
                "GET /api/moderation/queue",
                "/api/moderation/queue",
                Map.of(),
                Map.of(),
                null,
                Events.admin(),
                200),
            id);
    assertThat(editItem.get("kind").asText()).isEqualTo("edit");
    assertThat(editItem.get("changes")).hasSize(1);
    assertThat(editItem.get("changes").get(0).get("field").asText()).isEqualTo("name");
    assertThat(editItem.get("changes").get(0).get("after").asText()).endsWith("SPAM");

    JsonNode rejected =
        call(
            moderation,
            "POST /api/listings/{id}/reject",
            "/api/listings/" + id + "/reject",
            Map.of("id", id),
            Map.of("if-match", "\"3\""),
            "{\"reason\":\"Please remove the capitals\"}",
            Events.admin(),
            200);
    assertThat(rejected.get("moderation_note").asText()).isEqualTo("Please remove the capitals");
    assertThat(rejected.get("status").asText()).isEqualTo("published");

    JsonNode seenByProvider =
        call(
            listings,
            "GET /api/listings/{id}",
            "/api/listings/" + id,
            Map.of("id", id),
            Map.of(),
            null,
            Events.provider(UNTRUSTED),
            200);
    assertThat(seenByProvider.get("moderation_note").asText())
        .isEqualTo("Please remove the capitals");
    assertThat(seenByProvider.get("name").asText()).isEqualTo("Harmony Choir Hall Green");

    JsonNode history =
        call(
            listings,
            "GET /api/listings/{id}/history",
            "/api/listings/" + id + "/history",
            Map.of("id", id),
            Map.of(),
            null,
            Events.provider(UNTRUSTED),
            200);
    ApiContract.assertMatches(Json.write(history), "History");
    assertThat(history.get("revisions").findValuesAsText("action"))
        .containsExactly("created", "approved", "edit_submitted", "rejected");
    JsonNode editRevision = history.get("revisions").get(2);
    assertThat(editRevision.get("actor").asText()).isEqualTo("user-" + UNTRUSTED);
    assertThat(editRevision.get("changes").get(0).get("field").asText()).isEqualTo("name");
  }

  @Test
  void verify_setsAssuredDate_andSearchShowsIt() throws Exception {
    String id =
        call(
                listings,
                "POST /api/listings",
                "/api/listings",
                Map.of(),
                Map.of(),
                ListingsApiIT.validBody("Quiet Reading Group Kings Heath")
                    .replaceFirst("\\{", "{\"organisation_id\": \"" + UNTRUSTED + "\", "),
                Events.admin(),
                201)
            .get("id")
            .asText();

    JsonNode verified =
        call(
            listings,
            "POST /api/listings/{id}/verify",
            "/api/listings/" + id + "/verify",
            Map.of("id", id),
            Map.of(),
            null,
            Events.provider(UNTRUSTED),
            200);
    ApiContract.assertMatches(Json.write(verified), "Listing");
    String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
    assertThat(verified.get("assured_date").asText()).isEqualTo(today);

    JsonNode results =
        call(
            search,
            "GET /api/search",
            "/api/search",
            Map.of(),
            Map.of(),
            null,
            null,
            200,
            "q=quiet%20reading");
    ApiContract.assertMatches(Json.write(results), "SearchResponse");
    assertThat(results.get("results").get(0).get("verified_at").asText()).isEqualTo(today);

    call(
        listings,
        "POST /api/listings/{id}/verify",
        "/api/listings/" + id + "/verify",
        Map.of("id", id),
        Map.of(),
        null,
        Events.provider("org-someone-else"),
        403);
  }

  @Test
  void organisationSignUp_isPending_untilAnAdminApprovesAndTrustsIt() throws Exception {
    JsonNode created =
        call(
            organisations,
            "POST /api/organisations",
            "/api/organisations",
            Map.of(),
            Map.of(),
            "{\"name\":\"Acocks Green Allotment Society\",\"description\":\"Growing together\"}",
            Events.prescriber(),
            201);
    ApiContract.assertMatches(Json.write(created), "Organisation");
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("pending");
    call(
        organisations,
        "GET /api/organisations/{id}",
        "/api/organisations/" + id,
        Map.of("id", id),
        Map.of(),
        null,
        null,
        404);

    call(
        organisations,
        "PUT /api/organisations/{id}/review",
        "/api/organisations/" + id + "/review",
        Map.of("id", id),
        Map.of("if-match", "\"1\""),
        "{\"status\":\"approved\",\"trusted\":true}",
        Events.provider(id),
        403);
    JsonNode reviewed =
        call(
            organisations,
            "PUT /api/organisations/{id}/review",
            "/api/organisations/" + id + "/review",
            Map.of("id", id),
            Map.of("if-match", "\"1\""),
            "{\"status\":\"approved\",\"trusted\":true}",
            Events.admin(),
            200);
    assertThat(reviewed.get("trusted").asBoolean()).isTrue();
    call(
        organisations,
        "PUT /api/organisations/{id}/review",
        "/api/organisations/" + id + "/review",
        Map.of("id", id),
        Map.of("if-match", "\"1\""),
        "{\"status\":\"suspended\",\"trusted\":false}",
        Events.admin(),
        412);
    JsonNode publicView =
        call(
            organisations,
            "GET /api/organisations/{id}",
            "/api/organisations/" + id,
            Map.of("id", id),
            Map.of(),
            null,
            null,
            200);
    assertThat(publicView.has("trusted")).isFalse();
  }

  private static java.util.List<String> searchIds(String q) throws Exception {
    return call(
            search, "GET /api/search", "/api/search", Map.of(), Map.of(), null, null, 200, "q=" + q)
        .get("results")
        .findValuesAsText("id");
  }

  private static JsonNode itemFor(JsonNode queue, String id) {
    for (JsonNode item : queue.get("items")) {
      if (item.get("listing").get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("listing " + id + " not in the moderation queue: " + queue);
  }

  static JsonNode call(
      org.signpost.handlers.http.HttpFunction function,
      String routeKey,
      String path,
      Map<String, String> pathParams,
      Map<String, String> headers,
      String body,
      Map<String, String> claims,
      int expectedStatus)
      throws Exception {
    return call(function, routeKey, path, pathParams, headers, body, claims, expectedStatus, "");
  }

  static JsonNode call(
      org.signpost.handlers.http.HttpFunction function,
      String routeKey,
      String path,
      Map<String, String> pathParams,
      Map<String, String> headers,
      String body,
      Map<String, String> claims,
      int expectedStatus,
      String rawQuery)
      throws Exception {
    APIGatewayV2HTTPResponse response =
        function.handleRequest(
            Events.request(routeKey, path, pathParams, rawQuery, headers, body, claims), null);
    assertThat(response.getStatusCode())
        .as(routeKey + " → " + response.getBody())
        .isEqualTo(expectedStatus);
    if (expectedStatus >= 400) {
      ApiContract.assertMatches(response.getBody(), "Problem");
    }
    return Json.MAPPER.readTree(response.getBody());
  }
}
