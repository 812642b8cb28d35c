package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
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

/** The reports API through its handler, against dynalite: who may read it, JSON and CSV. */
@ExtendWith(TestBackend.class)
class ReportsApiIT {
  private static final String ORG = "org-reports-home";
  private static final Map<String, String> LEAD =
      Map.of("sub", "lead-1", "cognito:groups", "[prescriber_lead]");
  private static final List<String> ROUTES =
      List.of("pathway", "outcomes", "freshness", "unmet-needs");
  private static Wiring wiring;
  private static ReportsFunction reports;

  @BeforeAll
  static void wire(TestBackend.Store store) throws Exception {
    wiring =
        new Wiring(store.config(true), ReferralFixtures.settings(1000, null), Clock.systemUTC());
    reports = new ReportsFunction(wiring.reports, wiring.web, wiring.identity);
    Events.enrol(
        wiring.memberships, Events.provider(ORG), Events.prescriber(), Events.admin(), LEAD);
    String listing = ReferralFixtures.listing(wiring, ORG, "Report Tea", "[\"prescriber\"]").id();
    ReferralsFunction referrals = new ReferralsFunction(wiring);
    for (int i = 0; i < 6; i++) {
      APIGatewayV2HTTPResponse created =
          referrals.handleRequest(
              Events.request(
                  "POST /api/prescriber/referrals",
                  "/api/prescriber/referrals",
                  null,
                  "",
                  Map.of("content-type", "application/json"),
                  "{\"listing_id\":\""
                      + listing
                      + "\",\"name\":\"P"
                      + i
                      + "\",\"phone\":\"07700 90000"
                      + i
                      + "\",\"reason\":\"isolated\",\"needs\":[\"loneliness\"],"
                      + "\"ons4\":[3,4,5,8],\"consent\":true}",
                  Events.prescriber()),
              null);
      assertThat(created.getStatusCode()).isEqualTo(201);
    }
  }

  private static APIGatewayV2HTTPResponse get(
      String report, String query, Map<String, String> who) {
    return at("/api/reports/" + report, query, who);
  }

  private static APIGatewayV2HTTPResponse at(String path, String query, Map<String, String> who) {
    return reports.handleRequest(
        Events.request("GET " + path, path, null, query, Map.of(), null, who), null);
  }

  @Test
  void authorisationMatrix_overEveryReportRoute() {
    Map<String, Map<String, String>> callers = new LinkedHashMap<>();
    callers.put("anonymous", null);
    callers.put("provider", Events.provider(ORG));
    callers.put("prescriber", Events.prescriber());
    callers.put("prescriber lead", LEAD);
    callers.put("admin", Events.admin());
    Map<String, Integer> expected =
        Map.of(
            "anonymous",
            401,
            "provider",
            403,
            "prescriber",
            403,
            "prescriber lead",
            200,
            "admin",
            200);

    for (String route : ROUTES) {
      callers.forEach(
          (who, claims) ->
              assertThat(get(route, "", claims).getStatusCode())
                  .as(who + " on " + route)
                  .isEqualTo(expected.get(who)));
    }
  }

  @Test
  void pathway_countsTheReferrals_andNeverShowsPeopleOrScores() throws Exception {
    APIGatewayV2HTTPResponse response = get("pathway", "", LEAD);
    JsonNode body = Json.MAPPER.readTree(response.getBody());

    assertThat(body.get("suppressed_below").asInt()).isEqualTo(5);
    JsonNode all = body.get("rows").get(0);
    assertThat(all.get("dimension").asText()).isEqualTo("all");
    assertThat(all.get("referred").asInt()).isEqualTo(6);
    assertThat(all.get("contacted").asInt()).isZero();
    assertThat(all.get("attendance_rate").isNull()).isTrue();
    assertThat(response.getBody()).doesNotContain("P0", "07700", "isolated");
  }

  @Test
  void csv_hasTheSameFigures_andABadFormatIsAProblem() throws Exception {
    APIGatewayV2HTTPResponse csv = get("pathway", "format=csv", Events.admin());
    APIGatewayV2HTTPResponse bad = get("pathway", "format=xml", Events.admin());

    assertThat(csv.getStatusCode()).isEqualTo(200);
    assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
    String[] lines = csv.getBody().split("\r\n");
    assertThat(lines[0]).startsWith("dimension,group,referred,contacted");
    assertThat(lines[1]).startsWith("all,all,6,0,");
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(bad.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(bad.getBody()).contains("format");
  }

  @Test
  void reportsPage_drawsSvgChartsForLeads_sendsOthersAway() {
    APIGatewayV2HTTPResponse lead = at("/portal/reports", "", LEAD);
    APIGatewayV2HTTPResponse provider = at("/portal/reports", "", Events.provider(ORG));
    APIGatewayV2HTTPResponse anonymous = at("/portal/reports", "", null);

    assertThat(lead.getStatusCode()).as(lead.getBody()).isEqualTo(200);
    assertThat(lead.getBody())
        .contains("<svg id=\"funnel\"", "role=\"img\"", "<rect", "format=csv", "&lt;5")
        .doesNotContain("<script>", "P0", "07700");
    assertThat(lead.getHeaders().get("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(provider.getStatusCode()).isEqualTo(403);
    assertThat(anonymous.getStatusCode()).isEqualTo(303);
  }
}
