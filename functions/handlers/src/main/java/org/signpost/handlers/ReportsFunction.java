package org.signpost.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.signpost.core.auth.Caller;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.report.Report;
import org.signpost.core.report.Reports;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.web.Web;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for the commissioners' reports (admins and prescriber leads): JSON, or CSV with
 * {@code ?format=csv}, and the same as a page with SVG charts at {@code /portal/reports}. Figures
 * about people arrive from core already suppressed below five.
 */
public final class ReportsFunction extends HttpFunction {

  public ReportsFunction() {
    this(Wiring.shared().reports, Wiring.shared().web, Wiring.shared().identity);
  }

  ReportsFunction(Reports reports, Web web, Identity identity) {
    super(
        Map.of(
            "GET /api/reports/pathway", request -> answer(request, reports::pathway),
            "GET /api/reports/outcomes", request -> answer(request, reports::outcomes),
            "GET /api/reports/freshness", request -> answer(request, reports::freshness),
            "GET /api/reports/unmet-needs", request -> answer(request, reports::unmetNeeds),
            "GET /portal/reports", web.page(new ReportPages(reports)::page)),
        identity);
  }

  private static ApiResponse answer(ApiRequest request, Function<Caller, Report> build) {
    Caller caller = Caller.required(request.caller());
    List<String> format = request.query().getOrDefault("format", List.of("json"));
    if (format.size() != 1 || !List.of("json", "csv").contains(format.get(0))) {
      throw SignpostException.Invalid.of("format", "json or csv");
    }
    Report report = build.apply(caller);
    ApiResponse response =
        format.get(0).equals("csv")
            ? new ApiResponse(
                200,
                Map.of(
                    "Content-Type",
                    "text/csv; charset=utf-8",
                    "Content-Disposition",
                    "attachment; filename=\"" + report.name() + ".csv\""),
                csv(report))
            : ApiResponse.json(200, Json.write(json(report)));
    return response.withHeader("Cache-Control", "no-store");
  }

  static ObjectNode json(Report report) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("report", report.name());
    body.put("suppressed_below", Reports.MIN_GROUP);
    report.columns().forEach(body.putArray("columns")::add);
    ArrayNode rows = body.putArray("rows");
    for (List<Object> row : report.rows()) {
      ObjectNode out = rows.addObject();
      for (int i = 0; i < row.size(); i++) {
        out.set(report.columns().get(i), Json.MAPPER.valueToTree(row.get(i)));
      }
    }
    return body;
  }

  /** RFC 4180 CSV; an empty cell is a suppressed or undefined figure. */
  static String csv(Report report) {
    StringBuilder out = new StringBuilder();
    line(out, List.copyOf(report.columns()));
    report.rows().forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    // A spreadsheet would run a cell starting with these as a formula.
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
