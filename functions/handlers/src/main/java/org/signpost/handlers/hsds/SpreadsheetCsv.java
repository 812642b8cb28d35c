package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.signpost.handlers.http.Json;

/**
 * The one-row-per-activity spreadsheet that community groups keep (template in
 * docs/templates/activities-template.csv): read into HSDS-shaped services, and written back with
 * formula-like cells escaped so that opening an export in a spreadsheet never runs a formula.
 */
final class SpreadsheetCsv {
  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "summary",
          "description",
          "organisation",
          "day",
          "start",
          "end",
          "address",
          "postcode",
          "lat",
          "lon",
          "cost",
          "cost_description",
          "phone",
          "email",
          "website",
          "categories",
          "needs",
          "languages",
          "accessibility",
          "delivery");
  static final List<String> REQUIRED = List.of("name", "organisation");
  private static final Map<String, String> DAY_NAMES =
      Map.of(
          "mon", "MO", "tue", "TU", "wed", "WE", "thu", "TH", "fri", "FR", "sat", "SA", "sun",
          "SU");

  private SpreadsheetCsv() {}

  /** True if a CSV header looks like this layout rather than a table of a CSV package. */
  static boolean recognises(List<String> header) {
    return header.contains("name") || header.contains("organisation");
  }

  static void read(Path file, Consumer<ImportItem> sink) throws Sources.FileProblem, IOException {
    String name = file.getFileName().toString();
    CsvRows.read(
        file,
        REQUIRED,
        (row, line) -> {
          try {
            sink.accept(HsdsServiceReader.read(service(row), name, line));
          } catch (IllegalArgumentException e) {
            sink.accept(new ImportItem.Rejected(name, line, fieldOf(e), reasonOf(e)));
          }
        });
  }

  /** An HSDS-shaped service from one row; IllegalArgumentException "column: reason" if bad. */
  static ObjectNode service(Map<String, String> row) {
    String name = cell(row, "name");
    String org = cell(row, "organisation");
    if (name == null || org == null) {
      throw new IllegalArgumentException((name == null ? "name" : "organisation") + ": required");
    }
    String id = cell(row, "id");
    id = id != null ? id : "sheet-" + slug(org) + "-" + slug(name);
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("id", id);
    s.put("name", name);
    s.put("description", cell(row, "description"));
    s.putObject("organization").put("id", "org-" + slug(org)).put("name", org);
    s.put("email", cell(row, "email"));
    s.put("url", cell(row, "website"));
    ArrayNode attributes = s.putArray("attributes");
    terms(attributes, row, "categories", "category:");
    terms(attributes, row, "needs", "need:");
    terms(attributes, row, "accessibility", "profile:accessibility:");
    terms(attributes, row, "delivery", "profile:delivery:");
    if (cell(row, "summary") != null) {
      attributes
          .addObject()
          .put("taxonomy_term_id", "profile:summary")
          .put("value", row.get("summary"));
    }
    if (cell(row, "phone") != null) {
      s.putArray("phones").addObject().put("number", cell(row, "phone"));
    }
    if (cell(row, "languages") != null) {
      s.putArray("languages").addObject().put("name", cell(row, "languages"));
    }
    s.putArray("cost_options")
        .addObject()
        .put("option", cell(row, "cost"))
        .put("amount_description", cell(row, "cost_description"));
    schedule(s, row);
    location(s, row);
    return s;
  }

  private static void schedule(ObjectNode s, Map<String, String> row) {
    String days = cell(row, "day");
    if (days == null) {
      return;
    }
    String start = cell(row, "start");
    String end = cell(row, "end");
    Values.TimeRange times;
    try {
      times =
          end == null && start != null && start.matches(".*\\d\\s*(-|–|to)\\s*\\d.*")
              ? Values.range(start)
              : new Values.TimeRange(Values.time(start), Values.time(end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (start == null ? "start" : end == null ? "end" : "start") + ": " + e.getMessage());
    }
    List<String> byday = new ArrayList<>();
    for (String day : days.split("\\s*[,;/&]\\s*|\\s+and\\s+")) {
      String key = day.strip().toLowerCase(Locale.ROOT);
      String code = key.length() >= 3 ? DAY_NAMES.get(key.substring(0, 3)) : null;
      if (code == null) {
        throw new IllegalArgumentException(
            "day: not a day of the week: '" + Values.clip(day) + "'");
      }
      byday.add(code);
    }
    s.putArray("schedules")
        .addObject()
        .put("freq", "WEEKLY")
        .put("interval", 1)
        .put("byday", String.join(",", byday))
        .put("opens_at", times.start())
        .put("closes_at", times.end());
  }

  private static void location(ObjectNode s, Map<String, String> row) {
    String lat = cell(row, "lat");
    String lon = cell(row, "lon");
    if (lat == null && lon == null) {
      return;
    }
    ObjectNode location = s.putArray("service_at_locations").addObject().putObject("location");
    location.put("latitude", number("lat", lat));
    location.put("longitude", number("lon", lon));
    location
        .putArray("addresses")
        .addObject()
        .put("address_1", cell(row, "address"))
        .put("postal_code", cell(row, "postcode"));
  }

  private static double number(String column, String raw) {
    if (raw == null) {
      throw new IllegalArgumentException(column + ": required when the other coordinate is given");
    }
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + ": not a number: '" + Values.clip(raw) + "'");
    }
  }

  private static void terms(ArrayNode out, Map<String, String> row, String column, String prefix) {
    String raw = cell(row, column);
    if (raw == null) {
      return;
    }
    for (String value : raw.split("\\s*[,;]\\s*")) {
      if (!value.isBlank()) {
        String code = value.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        out.addObject().put("taxonomy_term_id", prefix + code);
      }
    }
  }

  /** A trimmed cell, null when empty, with a leading escape quote before a formula removed. */
  static String cell(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.strip();
    if (value.length() > 1
        && value.charAt(0) == '\''
        && Values.looksLikeFormula(value.substring(1))) {
      return value.substring(1);
    }
    return value;
  }

  static String slug(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.length() > 40 ? slug.substring(0, 40) : slug.isEmpty() ? "x" : slug;
  }

  private static String fieldOf(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(": ");
    return colon > 0 ? message.substring(0, colon) : "row";
  }

  private static String reasonOf(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(": ");
    return colon > 0 ? message.substring(colon + 2) : message;
  }

  /** Services in the spreadsheet layout; cells a spreadsheet would run as formulas are escaped. */
  static String write(List<ObjectNode> services) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      for (ObjectNode s : services) {
        List<String> row = new ArrayList<>();
        for (String column : COLUMNS) {
          String value = column(s, column);
          row.add(value == null ? "" : Values.looksLikeFormula(value) ? "'" + value : value);
        }
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String column(JsonNode s, String column) {
    JsonNode schedule = s.path("schedules").path(0);
    JsonNode location = s.path("service_at_locations").path(0).path("location");
    return switch (column) {
      case "organisation" -> HsdsMapping.text(s.path("organization"), "name");
      case "day" -> day(HsdsMapping.text(schedule, "byday"));
      case "start" -> HsdsMapping.text(schedule, "opens_at");
      case "end" -> HsdsMapping.text(schedule, "closes_at");
      case "address" -> HsdsMapping.text(location.path("addresses").path(0), "address_1");
      case "postcode" -> HsdsMapping.text(location.path("addresses").path(0), "postal_code");
      case "lat" -> HsdsMapping.text(location, "latitude");
      case "lon" -> HsdsMapping.text(location, "longitude");
      case "cost" -> HsdsMapping.text(s.path("cost_options").path(0), "option");
      case "cost_description" ->
          HsdsMapping.text(s.path("cost_options").path(0), "amount_description");
      case "phone" -> HsdsMapping.text(s.path("phones").path(0), "number");
      case "website" -> HsdsMapping.text(s, "url");
      case "languages" -> joined(s.path("languages"), "code", "");
      case "categories" -> terms(s, "category:");
      case "needs" -> terms(s, "need:");
      case "accessibility" -> terms(s, "profile:accessibility:");
      case "delivery" -> terms(s, "profile:delivery:");
      case "summary" -> summary(s);
      default -> HsdsMapping.text(s, column);
    };
  }

  private static String day(String byday) {
    if (byday == null) {
      return null;
    }
    List<String> days = new ArrayList<>();
    for (String code : byday.split(",")) {
      DAY_NAMES.forEach(
          (k, v) -> {
            if (code.endsWith(v)) {
              days.add(k);
            }
          });
    }
    return String.join(", ", days);
  }

  private static String summary(JsonNode s) {
    for (JsonNode a : s.path("attributes")) {
      if ("profile:summary".equals(a.path("taxonomy_term_id").asText())) {
        return HsdsMapping.text(a, "value");
      }
    }
    return null;
  }

  private static String terms(JsonNode s, String prefix) {
    List<String> values = new ArrayList<>();
    for (JsonNode a : s.path("attributes")) {
      String term = a.path("taxonomy_term_id").asText();
      if (term.startsWith(prefix)) {
        values.add(term.substring(prefix.length()));
      }
    }
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static String joined(JsonNode array, String field, String prefix) {
    List<String> values = new ArrayList<>();
    for (JsonNode node : array) {
      String value = HsdsMapping.text(node, field);
      if (value != null) {
        values.add(prefix + value);
      }
    }
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
