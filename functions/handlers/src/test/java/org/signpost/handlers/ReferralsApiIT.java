package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** The referral API end to end through the handler, against dynalite. */
@ExtendWith(TestBackend.class)
class ReferralsApiIT {
  private static final String ORG = "org-referral-home";
  private static final String OTHER_ORG = "org-elsewhere";
  private static Wiring wiring;
  private static ReferralsFunction api;
  private static String listingId;
  private static String gpOnlyListingId;
  private static TestBackend.Store backend;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    backend = store;
    wiring =
        new Wiring(store.config(true), ReferralFixtures.settings(1000, null), Clock.systemUTC());
    api = new ReferralsFunction(wiring);
    Events.enrol(
        wiring.memberships,
        Events.provider(ORG),
        Events.provider(OTHER_ORG),
        Events.admin(),
        Events.prescriber());
    listingId =
        ReferralFixtures.listing(wiring, ORG, "Referral Tea Club", "[\"self\",\"prescriber\"]")
            .id();
    gpOnlyListingId =
        ReferralFixtures.listing(wiring, ORG, "GP Only Club", "[\"prescriber\"]").id();
  }

  static String selfBody(String listing, String name, String phone, String email, String text) {
    return "{\"listing_id\":\""
        + listing
        + "\",\"name\":\""
        + name
        + "\",\"phone\":\""
        + phone
        + "\",\"email\":\""
        + email
        + "\",\"postcode\":\"B11 4AB\",\"needs\":[\"loneliness\"],"
        + "\"free_text\":\""
        + text
        + "\",\"language\":\"en\",\"consent\":true}";
  }

  static APIGatewayV2HTTPEvent call(
      String routeKey,
      String path,
      Map<String, String> params,
      Map<String, String> headers,
      String body,
      Map<String, String> claims,
      String ip) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("content-type", "application/json");
    APIGatewayV2HTTPEvent event = Events.request(routeKey, path, params, "", all, body, claims);
    event.getRequestContext().getHttp().setSourceIp(ip);
    return event;
  }

  static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    return api.handleRequest(event, null);
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private static String prescriberReferral(Map<String, String> prescriber) throws Exception {
    String body =
        "{\"listing_id\":\""
            + listingId
            + "\",\"name\":\"Ali\",\"phone\":\"07700 900777\","
            + "\"reason\":\"isolated since moving\",\"needs\":[\"loneliness\"],\"ons4\":[3,4,5,6],\"consent\":true}";
    APIGatewayV2HTTPResponse response =
        send(
            call(
                "POST /api/prescriber/referrals",
                "/api/prescriber/referrals",
                null,
                Map.of(),
                body,
                prescriber,
                "10.0.0.1"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  @Test
  void authorisationMatrix_overEveryReferralRoute() throws Exception {
    Map<String, String> gp = Map.of("sub", "gp-matrix", "cognito:groups", "[prescriber]");
    Map<String, String> otherGp = Map.of("sub", "gp-other", "cognito:groups", "[prescriber]");
    Events.enrol(wiring.memberships, gp, otherGp);
    String id = prescriberReferral(gp);
    Map<String, Map<String, String>> callers = new java.util.LinkedHashMap<>();
    callers.put("anonymous", null);
    callers.put("provider same org", Events.provider(ORG));
    callers.put("provider other org", Events.provider(OTHER_ORG));
    callers.put("referring prescriber", gp);
    callers.put("other prescriber", otherGp);
    callers.put("admin", Events.admin());
    Map<String, List<Integer>> expected =
        Map.of(
            // GET one, POST status (stale If-Match, so nothing changes), DELETE, POST prescriber
            // referral, GET the GP summary, GET the FHIR export
            "anonymous", List.of(401, 401, 401, 401, 401, 401),
            "provider same org", List.of(200, 412, 403, 403, 403, 403),
            "provider other org", List.of(404, 404, 403, 403, 404, 404),
            "referring prescriber", List.of(200, 403, 403, 201, 200, 200),
            "other prescriber", List.of(404, 404, 403, 201, 404, 404),
            "admin", List.of(200, 412, 404, 201, 403, 403));
    Map<String, Boolean> seesInList =
        Map.of(
            "provider same org",
            true,
            "provider other org",
            false,
            "referring prescriber",
            true,
            "other prescriber",
            false,
            "admin",
            true);
    Map<String, String> idParam = Map.of("id", id);
    for (var entry : callers.entrySet()) {
      Map<String, String> claims = entry.getValue();
      String who = entry.getKey();
      List<Integer> codes = expected.get(who);
      assertThat(
              send(call(
                      "GET /api/referrals/{id}",
                      "/api/referrals/" + id,
                      idParam,
                      Map.of(),
                      null,
                      claims,
                      "10.0.0.2"))
                  .getStatusCode())
          .as(who + " GET one")
          .isEqualTo(codes.get(0));
      assertThat(
              send(call(
                      "POST /api/referrals/{id}/status",
                      "/api/referrals/" + id + "/status",
                      idParam,
                      Map.of("if-match", "\"99\""),
                      "{\"status\":\"contacted\"}",
                      claims,
                      "10.0.0.2"))
                  .getStatusCode())
          .as(who + " POST status")
          .isEqualTo(codes.get(1));
      // DELETE of a referral that does not exist, so the admin's erase does not remove the fixture
      assertThat(
              send(call(
                      "DELETE /api/referrals/{id}",
                      "/api/referrals/ref-none",
                      Map.of("id", "ref-none"),
                      Map.of(),
                      null,
                      claims,
                      "10.0.0.2"))
                  .getStatusCode())
          .as(who + " DELETE")
          .isEqualTo(codes.get(2));
      String body =
          "{\"listing_id\":\""
              + listingId
              + "\",\"name\":\"Bo\",\"phone\":\"07700 900888\",\"consent\":true}";
      assertThat(
              send(call(
                      "POST /api/prescriber/referrals",
                      "/api/prescriber/referrals",
                      null,
                      Map.of(),
                      body,
                      claims,
                      "10.0.0.2"))
                  .getStatusCode())
          .as(who + " POST prescriber")
          .isEqualTo(codes.get(3));
      assertThat(
              send(call(
                      "GET /api/referrals/{id}/gp-summary",
                      "/api/referrals/" + id + "/gp-summary",
                      idParam,
                      Map.of(),
                      null,
                      claims,
                      "10.0.0.2"))
                  .getStatusCode())
          .as(who + " GET GP summary")
          .isEqualTo(codes.get(4));
      APIGatewayV2HTTPResponse fhir =
          send(
              call(
                  "GET /api/referrals/{id}/fhir",
                  "/api/referrals/" + id + "/fhir",
                  idParam,
                  Map.of(),
                  null,
                  claims,
                  "10.0.0.2"));
      assertThat(fhir.getStatusCode()).as(who + " GET FHIR").isEqualTo(codes.get(5));
      if (fhir.getStatusCode() == 200) {
        assertThat(json(fhir).get("resourceType").asText()).isEqualTo("Bundle");
      } else {
        assertThat(fhir.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(fhir.getBody()).doesNotContain("Ali", "07700");
      }
      APIGatewayV2HTTPResponse list =
          send(
              call(
                  "GET /api/referrals",
                  "/api/referrals",
                  null,
                  Map.of(),
                  null,
                  claims,
                  "10.0.0.2"));
      if (claims == null) {
        assertThat(list.getStatusCode()).isEqualTo(401);
      } else {
        assertThat(list.getStatusCode()).as(who + " list").isEqualTo(200);
        assertThat(list.getBody().contains(id))
            .as(who + " list contains")
            .isEqualTo(seesInList.get(who));
      }
    }
    // The receiving organisation moves it with the right version; the admin can erase it.
    APIGatewayV2HTTPResponse moved =
        send(
            call(
                "POST /api/referrals/{id}/status",
                "/api/referrals/" + id + "/status",
                idParam,
                Map.of("if-match", "\"1\""),
                "{\"status\":\"contacted\"}",
                Events.provider(ORG),
                "10.0.0.2"));
    assertThat(moved.getStatusCode()).isEqualTo(200);
    assertThat(json(moved).get("minutes_to_first_contact").isNumber()).isTrue();
    assertThat(
            send(call(
                    "DELETE /api/referrals/{id}",
                    "/api/referrals/" + id,
                    idParam,
                    Map.of(),
                    null,
                    Events.admin(),
                    "10.0.0.2"))
                .getStatusCode())
        .isEqualTo(204);
    assertThat(wiring.referrals.find(id)).isEmpty();
  }

  @Test
  void gpSummary_downloadsAsTextOrCsv_withRecordCodes_andTheJsonCarriesTheCodes() throws Exception {
    Map<String, String> gp = Map.of("sub", "gp-summary", "cognito:groups", "[prescriber]");
    Events.enrol(wiring.memberships, gp);
    String id = prescriberReferral(gp);
    Map<String, String> idParam = Map.of("id", id);
    for (String status : List.of("contacted", "declined")) {
      APIGatewayV2HTTPResponse moved =
          send(
              call(
                  "POST /api/referrals/{id}/status",
                  "/api/referrals/" + id + "/status",
                  idParam,
                  Map.of("if-match", "\"" + wiring.referrals.find(id).get().version() + "\""),
                  "{\"status\":\"" + status + "\",\"reason\":\"group is full\"}",
                  Events.provider(ORG),
                  "10.0.0.3"));
      assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(200);
    }

    APIGatewayV2HTTPResponse text = summary(id, "", gp);
    APIGatewayV2HTTPResponse csv = summary(id, "format=csv", gp);
    APIGatewayV2HTTPResponse bad = summary(id, "format=pdf", gp);
    JsonNode asPrescriber =
        json(
            send(
                call(
                    "GET /api/referrals/{id}",
                    "/api/referrals/" + id,
                    idParam,
                    Map.of(),
                    null,
                    gp,
                    "10.0.0.3")));

    assertThat(text.getStatusCode()).isEqualTo(200);
    assertThat(text.getHeaders().get("Content-Type")).startsWith("text/plain");
    assertThat(text.getHeaders().get("Content-Disposition")).contains("-gp-summary.txt");
    assertThat(text.getBody())
        .contains(
            "871731000000106 |Referral to social prescribing service|",
            "871711000000103 |Social prescribing declined|",
            "need: loneliness",
            "activity: Referral Tea Club",
            "current status: declined",
            "declined: group is full",
            "life satisfaction 3; worthwhile 4; happiness yesterday 5; anxiety yesterday 6");
    assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
    assertThat(csv.getBody())
        .startsWith("section,field,value\r\n")
        .contains("Needs,need,loneliness\r\n", "Status,current status,declined\r\n");
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(asPrescriber.get("record_codes").findValuesAsText("code"))
        .containsExactly("871731000000106", "871711000000103");
  }

  @Test
  void fhirExport_isABundleOfServiceRequestAndTask_withTheDeclinedCode_andNoContactDetails()
      throws Exception {
    Map<String, String> gp = Map.of("sub", "gp-fhir", "cognito:groups", "[prescriber]");
    Events.enrol(wiring.memberships, gp);
    String id = prescriberReferral(gp);
    Map<String, String> idParam = Map.of("id", id);
    APIGatewayV2HTTPEvent get =
        call(
            "GET /api/referrals/{id}/fhir",
            "/api/referrals/" + id + "/fhir",
            idParam,
            Map.of(),
            null,
            gp,
            "10.0.0.4");
    JsonNode before = json(send(get));
    for (String status : List.of("contacted", "declined")) {
      APIGatewayV2HTTPResponse moved =
          send(
              call(
                  "POST /api/referrals/{id}/status",
                  "/api/referrals/" + id + "/status",
                  idParam,
                  Map.of("if-match", "\"" + wiring.referrals.find(id).get().version() + "\""),
                  "{\"status\":\"" + status + "\",\"reason\":\"group is full\"}",
                  Events.provider(ORG),
                  "10.0.0.4"));
      assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(200);
    }

    APIGatewayV2HTTPResponse response = send(get);
    JsonNode bundle = json(response);
    JsonNode request = bundle.at("/entry/0/resource");
    JsonNode task = bundle.at("/entry/1/resource");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/fhir+json");
    assertThat(response.getHeaders().get("Cache-Control")).isEqualTo("no-store");
    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    assertThat(bundle.at("/entry/0/fullUrl").asText())
        .startsWith("urn:uuid:")
        .isEqualTo(before.at("/entry/0/fullUrl").asText());
    assertThat(before.at("/entry/0/resource/status").asText()).isEqualTo("active");
    assertThat(before.at("/entry/1/resource/status").asText()).isEqualTo("requested");
    assertThat(request.get("resourceType").asText()).isEqualTo("ServiceRequest");
    assertThat(request.get("status").asText()).isEqualTo("revoked");
    assertThat(request.at("/code/coding/0/code").asText()).isEqualTo("871731000000106");
    assertThat(request.get("reasonCode").findValuesAsText("code"))
        .containsExactly("871711000000103");
    assertThat(request.at("/performer/0/display").asText()).isNotBlank();
    assertThat(request.at("/subject/display").asText()).isEqualTo("Ali");
    assertThat(task.get("resourceType").asText()).isEqualTo("Task");
    assertThat(task.get("status").asText()).isEqualTo("rejected");
    assertThat(task.at("/focus/reference").asText())
        .isEqualTo(bundle.at("/entry/0/fullUrl").asText());
    assertThat(task.get("output").findValues("valueInteger").stream().map(JsonNode::asInt))
        .containsExactly(3, 4, 5, 6);
    assertThat(response.getBody()).doesNotContain("07700 900777", id);
  }

  private static APIGatewayV2HTTPResponse summary(
      String id, String query, Map<String, String> claims) {
    APIGatewayV2HTTPEvent event =
        Events.request(
            "GET /api/referrals/{id}/gp-summary",
            "/api/referrals/" + id + "/gp-summary",
            Map.of("id", id),
            query,
            Map.of(),
            null,
            claims);
    return send(event);
  }

  @Test
  void doubleSubmit_withTheSameKey_storesOneReferral_andADifferentBodyIs409() throws Exception {
    int before = wiring.referrals.all().size();
    Map<String, String> key = Map.of("idempotency-key", "idem-key-0123456789abcdef");
    String body = selfBody(listingId, "Zofia", "07700 900123", "", "");

    APIGatewayV2HTTPResponse first =
        send(call("POST /api/referrals", "/api/referrals", null, key, body, null, "10.0.1.1"));
    APIGatewayV2HTTPResponse second =
        send(call("POST /api/referrals", "/api/referrals", null, key, body, null, "10.0.1.1"));
    APIGatewayV2HTTPResponse changed =
        send(
            call(
                "POST /api/referrals",
                "/api/referrals",
                null,
                key,
                selfBody(listingId, "Zofia", "07700 900999", "", ""),
                null,
                "10.0.1.1"));

    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(second.getStatusCode()).isEqualTo(200);
    assertThat(json(second).get("status_url").asText())
        .isEqualTo(json(first).get("status_url").asText())
        .startsWith("/r/");
    assertThat(changed.getStatusCode()).isEqualTo(409);
    assertThat(changed.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(wiring.referrals.all()).hasSize(before + 1);
  }

  @Test
  void badInput_getsProblemJsonNamingEachField_andStoresNothing() throws Exception {
    int before = wiring.referrals.all().size();
    String bad =
        "{\"listing_id\":\""
            + listingId
            + "\",\"name\":\"<script>\",\"email\":\"nope\",\"postcode\":\"B11 4AB\","
            + "\"free_text\":\""
            + "x".repeat(1001)
            + "\",\"consent\":false}";
    APIGatewayV2HTTPResponse response =
        send(call("POST /api/referrals", "/api/referrals", null, Map.of(), bad, null, "10.0.2.1"));
    APIGatewayV2HTTPResponse gpOnly =
        send(
            call(
                "POST /api/referrals",
                "/api/referrals",
                null,
                Map.of(),
                selfBody(gpOnlyListingId, "Zofia", "07700 900123", "", ""),
                null,
                "10.0.2.1"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("errors").findValuesAsText("field"))
        .contains("name", "email", "free_text", "consent");
    assertThat(gpOnly.getStatusCode()).isEqualTo(400);
    assertThat(json(gpOnly).toString()).contains("self-referral");
    assertThat(wiring.referrals.all()).hasSize(before);
  }

  @Test
  void rateLimit_isSharedThroughTheStore_andKeepsNoRawAddress() throws Exception {
    Wiring strict =
        new Wiring(backend.config(true), ReferralFixtures.settings(2, null), Clock.systemUTC());
    ReferralsFunction limited = new ReferralsFunction(strict);
    ReferralsFunction otherEnvironment =
        new ReferralsFunction(
            new Wiring(backend.config(true), ReferralFixtures.settings(2, null), Clock.systemUTC())
                .referralService,
            wiring.web,
            wiring.identity);
    String body = selfBody(listingId, "Rae", "07700 900321", "", "");

    assertThat(
            limited
                .handleRequest(
                    call(
                        "POST /api/referrals",
                        "/api/referrals",
                        null,
                        Map.of(),
                        body,
                        null,
                        "192.0.2.77"),
                    null)
                .getStatusCode())
        .isEqualTo(201);
    assertThat(
            otherEnvironment
                .handleRequest(
                    call(
                        "POST /api/referrals",
                        "/api/referrals",
                        null,
                        Map.of(),
                        body,
                        null,
                        "192.0.2.77"),
                    null)
                .getStatusCode())
        .isEqualTo(201);
    APIGatewayV2HTTPResponse third =
        limited.handleRequest(
            call("POST /api/referrals", "/api/referrals", null, Map.of(), body, null, "192.0.2.77"),
            null);
    assertThat(third.getStatusCode()).isEqualTo(429);
    assertThat(
            limited
                .handleRequest(
                    call(
                        "POST /api/referrals",
                        "/api/referrals",
                        null,
                        Map.of(),
                        body,
                        null,
                        "192.0.2.78"),
                    null)
                .getStatusCode())
        .isEqualTo(201);
    var scan = wiring.dynamo.scan(r -> r.tableName(backend.tablePrefix() + "guards"));
    assertThat(scan.items()).isNotEmpty();
    assertThat(scan.items().toString()).doesNotContain("192.0.2.77");
  }

  static String readId(APIGatewayV2HTTPResponse response) {
    try {
      return json(response).get("id").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
