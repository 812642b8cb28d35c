package org.signpost.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.report.Report;
import org.signpost.core.report.Reports;
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
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Reports");
    scope.put(
        "funnel",
        chart(
            "funnel",
            "Referrals at each step, all time",
            pathway,
            pathway.rows().get(0),
            List.of("referred", "contacted", "accepted", "attended", "did_not_attend")));
    scope.put(
        "freshness",
        chart(
            "freshness-chart",
            "Published listings by time since last confirmed",
            freshness,
            freshness.rows().get(0),
            List.of("under_5_months", "5_to_6_months", "6_to_12_months", "12_months_or_more")));
    scope.put("tables", List.of(table(pathway), table(outcomes), table(freshness)));
    scope.put("minGroup", Reports.MIN_GROUP);
    return page.render(200, "portal/reports", scope);
  }

  private static Map<String, Object> chart(
      String id, String caption, Report report, List<Object> row, List<String> columns) {
    int max = 1;
    for (String column : columns) {
      if (row.get(report.columns().indexOf(column)) instanceof Number n) {
        max = Math.max(max, n.intValue());
      }
    }
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Object value = row.get(report.columns().indexOf(columns.get(i)));
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("label", columns.get(i).replace('_', ' '));
      bar.put("y", i * ROW);
      bar.put("textY", i * ROW + 17);
      bar.put("width", value instanceof Number n ? Math.max(1, n.intValue() * BAR_AREA / max) : 0);
      bar.put("value", value == null ? "fewer than 5" : value.toString());
      bars.add(bar);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("id", id);
    chart.put("caption", caption);
    chart.put("height", columns.size() * ROW);
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
