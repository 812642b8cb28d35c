package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Unmet need end to end against dynalite: searches through the API and the public page that find
 * little are counted, flushed with atomic adds, and reported with small counts suppressed; the
 * stored counters hold no query text or postcode.
 */
@ExtendWith(TestBackend.class)
class UnmetNeedsIT {
  private static final Map<String, String> LEAD =
      Map.of("sub", "lead-unmet", "cognito:groups", "[prescriber_lead]");
  private static Wiring wiring;
  private static PagesFunction pages;
  private static ReportsFunction reports;
  private static String month;
  private static String table;

  @BeforeAll
  static void searchAndFlush(TestBackend.Store store) throws Exception {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, null), clock);
    for (String name : List.of("Tea Club A", "Tea Club B", "Tea Club C")) {
      ReferralFixtures.listing(wiring, "org-unmet", name, "[\"self\"]");
    }
    pages = new PagesFunction(wiring, wiring.newSearchService());
    reports = new ReportsFunction(wiring.reports, wiring.web, wiring.identity);
    Events.enrol(wiring.memberships, LEAD, Events.provider("org-unmet"), Events.admin());
    month = YearMonth.from(clock.instant().atZone(ZoneId.of("Europe/London"))).toString();
    table = store.tablePrefix() + Tables.UNMET_NEEDS;

    for (int i = 0; i < 6; i++) {
      assertThat(
              get("GET /api/search", "/api/search", "q=origami+for+Joan&near=B11+4AB&need=housing"))
          .isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(get("GET /", "/", "q=zither&near=b12&category=walking")).isEqualTo(200);
    }
    // Enough results, and a later page: neither is counted.
    assertThat(get("GET /api/search", "/api/search", "need=loneliness&near=B11")).isEqualTo(200);
    assertThat(get("GET /", "/", "need=loneliness&near=B11")).isEqualTo(200);
    // An invalid search is refused before it is counted.
    assertThat(get("GET /api/search", "/api/search", "need=housing&near=ZZ99")).isEqualTo(400);
    wiring.unmetNeeds.flush();
  }

  private static int get(String route, String path, String query) {
    return pages
        .handleRequest(Events.request(route, path, null, query, Map.of(), null, null), null)
        .getStatusCode();
  }

  private static JsonNode report(String query, Map<String, String> who) throws Exception {
    APIGatewayV2HTTPResponse response =
        reports.handleRequest(
            Events.request(
                "GET /api/reports/unmet-needs",
                "/api/reports/unmet-needs",
                null,
                query,
                Map.of(),
                null,
                who),
            null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.getBody());
  }

  private static JsonNode row(JsonNode body, String dimension, String area, String need) {
    for (JsonNode row : body.get("rows")) {
      if (row.get("dimension").asText().equals(dimension)
          && row.get("outward_code").asText().equals(area)
          && row.get("need").asText().equals(need)) {
        return row;
      }
    }
    return null;
  }

  @Test
  void searchesThatFoundLittle_areCountedByMonthOutwardCodeAndNeed_fromTheApiAndThePage() {
    Map<String, Long> stored = new java.util.HashMap<>();
    wiring.unmetNeedStore.all().forEach((cell, n) -> stored.put(cell.toString(), n));

    assertThat(stored)
        .containsOnly(
            Map.entry("UnmetNeed[month=" + month + ", outwardCode=B11, need=need:housing]", 6L),
            Map.entry(
                "UnmetNeed[month=" + month + ", outwardCode=B12, need=category:walking]", 2L));
  }

  @Test
  void report_showsTheCounts_andSuppressesThoseBelowFive() throws Exception {
    JsonNode body = report("", LEAD);

    JsonNode housing = row(body, "cell", "B11", "need:housing");
    JsonNode walking = row(body, "cell", "B12", "category:walking");
    assertThat(housing.get("month").asText()).isEqualTo(month);
    assertThat(housing.get("searches").asLong()).isEqualTo(6);
    assertThat(walking.get("searches").isNull()).isTrue();
    assertThat(row(body, "all", "all", "all").get("searches").asLong()).isEqualTo(8);
    assertThat(row(body, "need", "all", "category:walking").get("searches").isNull()).isTrue();
    assertThat(row(body, "cell", "B11", "need:loneliness")).isNull();
  }

  @Test
  void csv_carriesTheSameFigures_withSuppressedCellsEmpty() throws Exception {
    APIGatewayV2HTTPResponse csv =
        reports.handleRequest(
            Events.request(
                "GET /api/reports/unmet-needs",
                "/api/reports/unmet-needs",
                null,
                "format=csv",
                Map.of(),
                null,
                Events.admin()),
            null);

    assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
    assertThat(csv.getBody())
        .startsWith("dimension,month,outward_code,need,searches\r\n")
        .contains("cell," + month + ",B11,need:housing,6\r\n")
        .contains("cell," + month + ",B12,category:walking,\r\n");
  }

  @Test
  void storedCounters_holdNoQueryTextPostcodeOrPerson() {
    List<Map<String, AttributeValue>> items = wiring.dynamo.scan(r -> r.tableName(table)).items();

    assertThat(items).hasSize(2);
    for (Map<String, AttributeValue> item : items) {
      assertThat(item.keySet())
          .isSubsetOf(Set.of("month", "cell", "outwardCode", "need", "searches"));
      assertThat(item.toString())
          .doesNotContainIgnoringCase("origami")
          .doesNotContainIgnoringCase("joan")
          .doesNotContainIgnoringCase("zither")
          .doesNotContain("4AB");
    }
  }

  @Test
  void reportsPage_drawsTheUnmetNeedChart_andTable() {
    APIGatewayV2HTTPResponse page =
        reports.handleRequest(
            Events.request(
                "GET /portal/reports", "/portal/reports", null, "", Map.of(), null, LEAD),
            null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("<svg id=\"unmet-chart\"", "need:housing", "unmet-needs?format=csv")
        .contains("fewer than 5");
  }
}
