package org.signpost.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.report.Report;
import org.signpost.core.report.Reports;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.WebContext;

/**
 * {@code GET /portal/reports}: the same reports as the API, as tables with server-rendered SVG bar
 * charts (no JavaScript) and CSV links. Suppressed figures read "fewer than 5". Thread-safe.
 */
final class ReportPages {
  private static final int BAR_AREA = 360;
  private static final int ROW = 28;

  private final Reports reports;

  ReportPages(Reports reports) {
    this.reports = reports;
  }

  ApiResponse page(ApiRequest request, WebContext page) {
    Caller caller = Caller.required(request.caller());
    Report pathway = reports.pathway(caller);
    Report outcomes = reports.outcomes(caller);
    Report freshness = reports.freshness(caller);
    Report unmet = reports.unmetNeeds(caller);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Reports");
    List<Map<String, Object>> charts = new ArrayList<>();
    charts.add(
        chart(
            "funnel",
            "Referrals at each step, all time",
            pathway,
            pathway.rows().get(0),
            List.of("referred", "contacted", "accepted", "attended", "did_not_attend")));
    charts.add(
        chart(
            "freshness-chart",
            "Published listings by time since last confirmed",
            freshness,
            freshness.rows().get(0),
            List.of("under_5_months", "5_to_6_months", "6_to_12_months", "12_months_or_more")));
    charts.add(topNeeds(unmet));
    scope.put("charts", charts);
    scope.put("tables", List.of(table(pathway), table(outcomes), table(unmet), table(freshness)));
    scope.put("minGroup", Reports.MIN_GROUP);
    scope.put("fewResults", UnmetNeedTally.FEW_RESULTS);
    return page.render(200, "portal/reports", scope);
  }

  private static Map<String, Object> chart(
      String id, String caption, Report report, List<Object> row, List<String> columns) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String column : columns) {
      values.put(column.replace('_', ' '), row.get(report.columns().indexOf(column)));
    }
    return bars(id, caption, values, 140);
  }

  /** The needs with the most searches that found little, largest first. */
  private static Map<String, Object> topNeeds(Report unmet) {
    int dimension = unmet.columns().indexOf("dimension");
    int need = unmet.columns().indexOf("need");
    int searches = unmet.columns().indexOf("searches");
    List<List<Object>> rows =
        unmet.rows().stream()
            .filter(row -> "need".equals(row.get(dimension)))
            .sorted(
                java.util.Comparator.comparingLong(
                    (List<Object> row) ->
                        row.get(searches) instanceof Number n ? -n.longValue() : 0L))
            .limit(TOP_NEEDS)
            .toList();
    Map<String, Object> values = new LinkedHashMap<>();
    rows.forEach(row -> values.put(String.valueOf(row.get(need)), row.get(searches)));
    return bars(
        "unmet-chart",
        "Searches that found fewer than "
            + UnmetNeedTally.FEW_RESULTS
            + " results, by need (top "
            + TOP_NEEDS
            + ")",
        values,
        260);
  }

  private static final int TOP_NEEDS = 10;

  /** One horizontal bar per label; a suppressed value draws no bar and reads "fewer than 5". */
  private static Map<String, Object> bars(
      String id, String caption, Map<String, Object> values, int barX) {
    long max = 1;
    for (Object value : values.values()) {
      if (value instanceof Number n) {
        max = Math.max(max, n.longValue());
      }
    }
    List<Map<String, Object>> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      Object value = entry.getValue();
      long width = value instanceof Number n ? Math.max(1, n.longValue() * BAR_AREA / max) : 0;
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("label", entry.getKey());
      bar.put("y", i * ROW);
      bar.put("textY", i * ROW + 17);
      bar.put("barX", barX);
      bar.put("width", width);
      bar.put("valueX", barX + width + 10);
      bar.put("value", value == null ? "fewer than 5" : value.toString());
      bars.add(bar);
      i++;
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("id", id);
    chart.put("caption", caption);
    chart.put("height", Math.max(1, values.size()) * ROW);
    chart.put("svgWidth", barX + BAR_AREA + 120);
    chart.put("empty", values.isEmpty());
    chart.put("bars", bars);
    return chart;
  }

  private static Map<String, Object> table(Report report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : report.rows()) {
      List<String> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell == null ? "<5" : cell.toString()));
      rows.add(Map.of("cells", cells));
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("name", report.name());
    table.put("columns", report.columns().stream().map(c -> c.replace('_', ' ')).toList());
    table.put("rows", rows);
    return table;
  }
}
