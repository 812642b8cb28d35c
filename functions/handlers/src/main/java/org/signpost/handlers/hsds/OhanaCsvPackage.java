package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.signpost.handlers.http.Json;

/**
 * Reads an Open Referral / Ohana CSV package (a directory of organizations.csv, locations.csv,
 * services.csv, addresses.csv, phones.csv, regular_schedules.csv, holiday_schedules.csv,
 * taxonomy.csv, and the optional service_categories.json). Each service row is joined to its
 * location and organisation and turned into an HSDS-shaped service. contacts.csv is never read: it
 * names people. Ids are prefixed with the package's directory name so they stay stable and do not
 * collide with another package's.
 */
final class OhanaCsvPackage {
  private final Path dir;
  private final String prefix;
  private final Map<String, Map<String, String>> organisations = new HashMap<>();
  private final Map<String, Map<String, String>> locations = new HashMap<>();
  private final Map<String, Map<String, String>> addresses = new HashMap<>();
  private final Map<String, List<Map<String, String>>> phones = new HashMap<>();
  private final Map<String, List<Map<String, String>>> schedules = new HashMap<>();
  private final Map<String, List<Map<String, String>>> holidays = new HashMap<>();
  private final Map<String, String> termNames = new HashMap<>();
  private final Map<String, List<String>> serviceCategories = new HashMap<>();

  private OhanaCsvPackage(Path dir) {
    this.dir = dir;
    this.prefix = SpreadsheetCsv.slug(dir.toAbsolutePath().normalize().getFileName().toString());
  }

  static boolean recognises(Path dir) {
    return Files.isDirectory(dir) && Files.exists(dir.resolve("services.csv"));
  }

  /** Reads every service; a problem with a supporting table stops the package, naming it. */
  static void read(Path dir, Consumer<ImportItem> sink) throws Sources.FileProblem, IOException {
    new OhanaCsvPackage(dir).readAll(sink);
  }

  private void readAll(Consumer<ImportItem> sink) throws Sources.FileProblem, IOException {
    index("organizations.csv", List.of("id", "name"), "id", organisations, true);
    index("locations.csv", List.of("id"), "id", locations, true);
    index("addresses.csv", List.of("location_id"), "location_id", addresses, false);
    group("phones.csv", List.of("number"), phones);
    group("regular_schedules.csv", List.of("weekday", "opens_at", "closes_at"), schedules);
    group("holiday_schedules.csv", List.of("start_date", "end_date"), holidays);
    Path taxonomy = dir.resolve("taxonomy.csv");
    if (Files.exists(taxonomy)) {
      CsvRows.read(
          taxonomy,
          List.of("name"),
          (row, line) -> {
            for (String key : List.of("id", "taxonomy_id")) {
              String id = row.get(key);
              if (id != null && !id.isBlank()) {
                termNames.putIfAbsent(key + ":" + id.strip(), row.get("name"));
              }
            }
          });
    }
    Path categories = dir.resolve("service_categories.json");
    if (Files.exists(categories)) {
      try (Reader reader = Sources.open(categories)) {
        JsonNode tree = Json.MAPPER.readTree(reader);
        for (var e : tree.properties()) {
          List<String> ids = new ArrayList<>();
          e.getValue().forEach(v -> ids.add(v.asText()));
          serviceCategories.put(e.getKey(), ids);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new Sources.FileProblem(
            e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
            "service_categories.json is not valid JSON");
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    CsvRows.read(
        dir.resolve("services.csv"),
        List.of("id", "name"),
        (row, line) -> {
          String id = cell(row, "id");
          if (id != null && !seen.add(id)) {
            sink.accept(
                new ImportItem.Rejected(
                    "services.csv", line, "id", "duplicate id " + id + " within the file"));
            return;
          }
          sink.accept(service(row, line));
        });
  }

  private ImportItem service(Map<String, String> row, long line) {
    String file = "services.csv";
    String id = cell(row, "id");
    if (id == null) {
      return new ImportItem.Rejected(file, line, "id", "a service needs an id");
    }
    String locationId = cell(row, "location_id");
    Map<String, String> location = locationId == null ? null : locations.get(locationId);
    if (locationId != null && location == null) {
      return new ImportItem.Rejected(
          file, line, "location_id", "no location " + locationId + " in locations.csv");
    }
    String orgId = cell(row, "organization_id");
    orgId = orgId == null && location != null ? cell(location, "organization_id") : orgId;
    Map<String, String> org = orgId == null ? null : organisations.get(orgId);
    if (org == null) {
      return new ImportItem.Rejected(
          file,
          line,
          "organization_id",
          orgId == null
              ? "the service has neither a location nor an organization"
              : "no organization " + orgId + " in organizations.csv");
    }
    List<String> warnings = new ArrayList<>();
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("id", prefix + "-svc-" + id);
    s.put("name", cell(row, "name"));
    s.put("alternate_name", cell(row, "alternate_name"));
    s.put("description", cell(row, "description"));
    s.putObject("organization")
        .put("id", prefix + "-org-" + orgId)
        .put("name", cell(org, "name"))
        .put("description", cell(org, "description"));
    s.put("email", first(cell(row, "email"), "email", warnings));
    s.put(
        "url", website(cell(row, "website") != null ? cell(row, "website") : cell(org, "website")));
    s.put("eligibility_description", cell(row, "eligibility"));
    s.put("fees_description", cell(row, "fees"));
    String languages = cell(row, "languages");
    languages = languages == null && location != null ? cell(location, "languages") : languages;
    if (languages != null) {
      s.putArray("languages").addObject().put("name", languages);
    }
    phone(s, id, locationId, orgId, warnings);
    if (location != null) {
      location(s, location, locationId, warnings);
    }
    schedules(s, id, locationId, warnings);
    categories(s, row, id, warnings);
    ImportItem item = HsdsServiceReader.read(s, file, line);
    if (item instanceof ImportItem.Accepted a && !warnings.isEmpty()) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(a.warnings());
      return new ImportItem.Accepted(
          a.file(),
          a.line(),
          a.listingId(),
          a.organisationId(),
          a.organisation(),
          a.content(),
          a.assuredDate(),
          all);
    }
    return item;
  }

  private void phone(ObjectNode s, String id, String locationId, String orgId, List<String> w) {
    for (String key :
        List.of("service_id:" + id, "location_id:" + locationId, "organization_id:" + orgId)) {
      for (Map<String, String> p : phones.getOrDefault(key, List.of())) {
        String type = cell(p, "number_type");
        if (type != null && !type.equalsIgnoreCase("voice") && !type.equalsIgnoreCase("hotline")) {
          continue;
        }
        if (cell(p, "extension") != null) {
          w.add("phones: extension dropped (the listing model keeps one plain number)");
        }
        s.putArray("phones").addObject().put("number", cell(p, "number"));
        return;
      }
    }
  }

  private void location(
      ObjectNode s, Map<String, String> location, String locationId, List<String> w) {
    ObjectNode l = s.putArray("service_at_locations").addObject().putObject("location");
    l.put("name", cell(location, "name"));
    String lat = cell(location, "latitude");
    String lon = cell(location, "longitude");
    try {
      if (lat != null && lon != null) {
        l.put("latitude", Double.parseDouble(lat));
        l.put("longitude", Double.parseDouble(lon));
      }
    } catch (NumberFormatException e) {
      w.add("locations.csv: coordinates are not numbers for location " + locationId);
    }
    Map<String, String> a = addresses.get(locationId);
    if (a != null) {
      ObjectNode address = l.putArray("addresses").addObject();
      for (String field :
          List.of("address_1", "address_2", "city", "state_province", "postal_code")) {
        address.put(field, cell(a, field));
      }
    }
  }

  private void schedules(ObjectNode s, String id, String locationId, List<String> w) {
    List<Map<String, String>> rows = schedules.getOrDefault("service_id:" + id, List.of());
    rows = rows.isEmpty() ? schedules.getOrDefault("location_id:" + locationId, List.of()) : rows;
    ArrayNode out = s.putArray("schedules");
    for (Map<String, String> r : rows) {
      String day = weekday(cell(r, "weekday"));
      if (day == null) {
        w.add("regular_schedules.csv: not a weekday: '" + Values.clip(cell(r, "weekday")) + "'");
        continue;
      }
      out.addObject()
          .put("freq", "WEEKLY")
          .put("interval", 1)
          .put("byday", day)
          .put("opens_at", cell(r, "opens_at"))
          .put("closes_at", cell(r, "closes_at"));
    }
    List<Map<String, String>> closed = holidays.getOrDefault("service_id:" + id, List.of());
    closed =
        closed.isEmpty() ? holidays.getOrDefault("location_id:" + locationId, List.of()) : closed;
    for (Map<String, String> h : closed) {
      if (!"true".equalsIgnoreCase(cell(h, "closed"))) {
        continue;
      }
      String from = Dates.iso(cell(h, "start_date"));
      String to = Dates.iso(cell(h, "end_date"));
      if (from == null || to == null) {
        w.add("holiday_schedules.csv: closure dates are not usable dates, closure skipped");
        continue;
      }
      s.withArray("attributes")
          .addObject()
          .put("taxonomy_term_id", "profile:closure")
          .put("value", from + "/" + to);
    }
  }

  private void categories(ObjectNode s, Map<String, String> row, String id, List<String> w) {
    Set<String> names = new LinkedHashSet<>();
    String inline = cell(row, "taxonomy_ids");
    if (inline != null) {
      for (String code : inline.split("\\s*,\\s*")) {
        String name = termNames.get("taxonomy_id:" + code);
        if (name == null) {
          w.add("taxonomy: code '" + Values.clip(code) + "' is not in taxonomy.csv");
        } else {
          names.add(name);
        }
      }
    }
    for (String code : serviceCategories.getOrDefault(id, List.of())) {
      String name = termNames.get("id:" + code);
      if (name != null) {
        names.add(name);
      }
    }
    Set<String> categories = new LinkedHashSet<>();
    for (String name : names) {
      TaxonomyCodes.category(name).ifPresent(categories::add);
    }
    ArrayNode attributes = s.withArray("attributes");
    categories.stream()
        .limit(10)
        .forEach(c -> attributes.addObject().put("taxonomy_term_id", "category:" + c));
    // Every source term is kept as a search keyword, mapped or not: they are the directory's own
    // words for what the service does, and often exactly what people type.
    Set<String> keywords = new LinkedHashSet<>(names);
    String column = cell(row, "keywords");
    if (column != null) {
      for (String keyword : column.split("\\s*[,;]\\s*")) {
        if (!keyword.isBlank()) {
          keywords.add(keyword.strip());
        }
      }
    }
    keywords.stream()
        .filter(k -> k.length() <= 100)
        .limit(40)
        .forEach(
            k -> attributes.addObject().put("taxonomy_term_id", "profile:keyword").put("value", k));
  }

  private void index(
      String name,
      List<String> required,
      String key,
      Map<String, Map<String, String>> into,
      boolean mandatory)
      throws Sources.FileProblem, IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      if (mandatory) {
        throw new Sources.FileProblem(0, "the CSV package has no " + name);
      }
      return;
    }
    try {
      CsvRows.read(file, required, (row, line) -> into.putIfAbsent(row.get(key).strip(), row));
    } catch (Sources.FileProblem e) {
      throw new Sources.FileProblem(e.line, name + ": " + e.getMessage());
    }
  }

  private void group(
      String name, List<String> required, Map<String, List<Map<String, String>>> into)
      throws Sources.FileProblem, IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      return;
    }
    try {
      CsvRows.read(
          file,
          required,
          (row, line) -> {
            for (String key : List.of("service_id", "location_id", "organization_id")) {
              String value = cell(row, key);
              if (value != null) {
                into.computeIfAbsent(key + ":" + value, k -> new ArrayList<>()).add(row);
              }
            }
          });
    } catch (Sources.FileProblem e) {
      throw new Sources.FileProblem(e.line, name + ": " + e.getMessage());
    }
  }

  private static String weekday(String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip().toLowerCase(Locale.ROOT);
    List<String> names = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    List<String> codes = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    if (value.matches("[1-7]")) {
      // HSDS 2 numbers weekdays from Sunday = 1.
      return List.of("SU", "MO", "TU", "WE", "TH", "FR", "SA").get(Integer.parseInt(value) - 1);
    }
    for (int i = 0; i < names.size(); i++) {
      if (value.startsWith(names.get(i))) {
        return codes.get(i);
      }
    }
    return null;
  }

  private static String first(String emails, String field, List<String> warnings) {
    if (emails == null) {
      return null;
    }
    String[] parts = emails.split("\\s*[,;\\s]\\s*");
    if (parts.length > 1) {
      warnings.add(field + ": several addresses given, the first is kept");
    }
    return parts[0];
  }

  private static String website(String url) {
    if (url == null) {
      return null;
    }
    return url.matches("(?i)^https?://.*") ? url : "http://" + url;
  }

  static String cell(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
