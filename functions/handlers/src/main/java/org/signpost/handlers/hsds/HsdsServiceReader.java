package org.signpost.handlers.hsds;

import static org.signpost.handlers.hsds.HsdsMapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.org.Organisation;

/**
 * Reads one HSDS 3.0 service object into a listing: the inverse of {@link HsdsMapping}, and the
 * path every import format takes (CSV readers build HSDS-shaped services first). Services written
 * by other directories work too: unknown attributes are reported as warnings, not guessed at.
 * Stateless.
 */
final class HsdsServiceReader {
  private static final Pattern UK_POSTCODE =
      Pattern.compile("^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");
  private static final Pattern BYDAY = Pattern.compile("^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$");
  private static final Map<String, String> DAYS =
      Map.of(
          "MO", "mon", "TU", "tue", "WE", "wed", "TH", "thu", "FR", "fri", "SA", "sat", "SU",
          "sun");

  private HsdsServiceReader() {}

  /** The listing a service describes, or a rejection naming the field at fault. */
  static ImportItem read(JsonNode service, String file, long line) {
    Builder b = new Builder(file, line);
    if (service == null || !service.isObject()) {
      return new ImportItem.Rejected(file, line, "service", "each record must be a JSON object");
    }
    String id = text(service, "id");
    if (id == null) {
      return new ImportItem.Rejected(file, line, "id", "a service needs an id");
    }
    JsonNode org = service.get("organization");
    String orgId = org != null && org.isObject() ? text(org, "id") : null;
    orgId = orgId == null ? text(service, "organization_id") : orgId;
    if (orgId == null) {
      return new ImportItem.Rejected(
          file, line, "organization_id", "a service needs an organization (id and name)");
    }
    Organisation organisation = null;
    if (org != null && org.isObject() && text(org, "name") != null) {
      organisation =
          new Organisation(
              orgId, text(org, "name"), text(org, "description"), Organisation.APPROVED, false, 0);
    }
    b.attributes(service.path("attributes"));
    b.schedules(service.path("schedules"));
    b.locations(service.path("service_at_locations"));
    String phone = null;
    for (JsonNode p : service.path("phones")) {
      if (text(p, "number") != null) {
        phone = b.normalised("phones[0].number", text(p, "number"), Values::phone);
        break;
      }
    }
    List<String> languages = new ArrayList<>();
    for (JsonNode language : service.path("languages")) {
      String code = text(language, "code");
      String raw = code != null ? code : text(language, "name");
      if (raw != null) {
        Values.Languages found = Values.languages(raw);
        found.codes().stream().filter(c -> !languages.contains(c)).forEach(languages::add);
        found.unknown().forEach(u -> b.warn("languages: '" + u + "' is not a known language"));
      }
    }
    JsonNode cost = service.path("cost_options").path(0);
    String costType = text(cost, "option");
    String costText = text(cost, "amount_description");
    costText = costText == null ? text(service, "fees_description") : costText;
    if (costType == null || !Vocabulary.COST_TYPES.contains(costType)) {
      costType = Costs.classify(costText, cost.path("amount"), b.warnings);
    }
    if (!b.errors.isEmpty()) {
      return b.errors.get(0);
    }
    List<String> delivery = b.delivery.isEmpty() ? null : List.copyOf(b.delivery);
    List<String> routes = b.routes.isEmpty() ? null : List.copyOf(b.routes);
    if (b.locations.isEmpty() && (delivery == null || delivery.contains("in_person"))) {
      // No usable address to walk to: with a phone number it is still reachable, so it becomes a
      // phone service that asks people to get in touch first; without one it is rejected.
      if (phone != null) {
        delivery = List.of("phone");
        routes = List.of("contact_first");
        b.warn("no location with coordinates: imported as a phone service, contact first");
      }
    }
    ListingContent content =
        new ListingContent(
            b.kind,
            b.flags.contains("crisis"),
            b.flags.contains("open_24_7"),
            text(service, "name"),
            b.summary,
            text(service, "description"),
            List.copyOf(b.categories),
            List.copyOf(b.needs),
            delivery,
            b.locations,
            b.schedule(),
            new ListingContent.Cost(costType, costText),
            languages,
            new ListingContent.Eligibility(
                age(service, "minimum_age"),
                age(service, "maximum_age"),
                b.flags.contains("women_only"),
                b.flags.contains("men_only"),
                text(service, "eligibility_description")),
            List.copyOf(b.accessibility),
            b.capacity,
            routes,
            new ListingContent.Contact(phone, text(service, "email"), text(service, "url")),
            text(service, "alert"),
            List.copyOf(b.keywords),
            text(service, "alternate_name"));
    return new ImportItem.Accepted(
        file, line, id, orgId, organisation, content, text(service, "assured_date"), b.warnings);
  }

  private static Integer age(JsonNode service, String field) {
    JsonNode value = service.get(field);
    return value != null && value.canConvertToInt() && !value.isNull() ? value.asInt() : null;
  }

  static String postcodeOrNull(String postalCode) {
    if (postalCode == null) {
      return null;
    }
    String upper = postalCode.strip().toUpperCase(Locale.ROOT);
    return UK_POSTCODE.matcher(upper).matches() ? upper : null;
  }

  /** Collects one service's parts; one instance per service. */
  private static final class Builder {
    final String file;
    final long line;
    final List<ImportItem.Rejected> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Set<String> needs = new LinkedHashSet<>();
    final Set<String> categories = new LinkedHashSet<>();
    final Set<String> keywords = new LinkedHashSet<>();
    final Set<String> flags = new LinkedHashSet<>();
    final Set<String> delivery = new LinkedHashSet<>();
    final Set<String> accessibility = new LinkedHashSet<>();
    final Set<String> routes = new LinkedHashSet<>();
    final List<ListingContent.Location> locations = new ArrayList<>();
    final List<ListingContent.WeeklySession> weekly = new ArrayList<>();
    final List<ListingContent.OneOffSession> oneOff = new ArrayList<>();
    final List<ListingContent.Closure> closures = new ArrayList<>();
    String kind;
    String capacity;
    String summary;
    String validFrom;
    String validTo;

    Builder(String file, long line) {
      this.file = file;
      this.line = line;
    }

    void warn(String warning) {
      warnings.add(warning);
    }

    String normalised(
        String field, String raw, java.util.function.UnaryOperator<String> normaliser) {
      try {
        return normaliser.apply(raw);
      } catch (IllegalArgumentException e) {
        errors.add(new ImportItem.Rejected(file, line, field, e.getMessage()));
        return null;
      }
    }

    void attributes(JsonNode attributes) {
      for (JsonNode a : attributes) {
        String term = text(a, "taxonomy_term_id");
        term = term == null ? text(a.path("taxonomy_term"), "id") : term;
        if (term == null) {
          continue;
        }
        if (HsdsIds.isUuid(term)) {
          term = HsdsTaxonomies.findByUuid(term).map(HsdsTaxonomies.Term::id).orElse(term);
        }
        String value = text(a, "value");
        String[] parts = term.split(":", 3);
        String name = parts.length > 1 ? parts[1] : "";
        String option = parts.length > 2 ? parts[2] : null;
        switch (parts[0]) {
          case "need" -> needs.add(name);
          case "category" -> categories.add(name);
          case "profile" -> profile(name, option, value);
          default -> warn("attribute '" + Values.clip(term) + "' is not in the Signpost profile");
        }
      }
    }

    private void profile(String name, String option, String value) {
      switch (name) {
        case "kind" -> kind = option;
        case "crisis", "open_24_7", "women_only", "men_only" -> flags.add(name);
        case "delivery" -> delivery.add(option);
        case "accessibility" -> accessibility.add(option);
        case "capacity" -> capacity = option;
        case "referral_route" -> routes.add(option);
        case "summary" -> summary = value;
        case "keyword" -> {
          if (value != null && !value.isBlank()) {
            keywords.add(value.strip());
          }
        }
        case "closure" -> closure(value);
        default -> warn("profile attribute '" + Values.clip(name) + "' is unknown");
      }
    }

    private void closure(String value) {
      Matcher m =
          Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})/(\\d{4}-\\d{2}-\\d{2})(?: (.*))?$")
              .matcher(value == null ? "" : value);
      if (!m.matches()) {
        errors.add(new ImportItem.Rejected(file, line, "attributes", "closure must be FROM/TO"));
        return;
      }
      closures.add(new ListingContent.Closure(m.group(1), m.group(2), m.group(3)));
    }

    void schedules(JsonNode schedules) {
      int i = 0;
      for (JsonNode s : schedules) {
        String at = "schedules[" + i++ + "]";
        validFrom = validFrom == null ? text(s, "valid_from") : validFrom;
        validTo = validTo == null ? text(s, "valid_to") : validTo;
        String opens = text(s, "opens_at");
        String closes = text(s, "closes_at");
        if (opens == null || closes == null) {
          warn(at + ": no opening times, schedule skipped");
          continue;
        }
        opens = normalised(at + ".opens_at", opens, Values::time);
        closes = normalised(at + ".closes_at", closes, Values::time);
        String freq = text(s, "freq");
        String dtstart = text(s, "dtstart");
        if (freq == null) {
          if (dtstart != null) {
            oneOff.add(new ListingContent.OneOffSession(dtstart, opens, closes));
          } else {
            warn(at + ": neither a repeat rule nor a date, schedule skipped");
          }
          continue;
        }
        int interval = s.path("interval").asInt(1);
        String byday = text(s, "byday");
        if (byday == null) {
          errors.add(new ImportItem.Rejected(file, line, at + ".byday", "byday is required"));
          continue;
        }
        for (String day : byday.split(",")) {
          Matcher m = BYDAY.matcher(day.strip().toUpperCase(Locale.ROOT));
          if (!m.matches()) {
            errors.add(
                new ImportItem.Rejected(
                    file, line, at + ".byday", "not a day like TU or 1MO: '" + day + "'"));
            continue;
          }
          String d = DAYS.get(m.group(2));
          if ("MONTHLY".equalsIgnoreCase(freq)) {
            Integer week = m.group(1) == null ? null : Integer.valueOf(m.group(1));
            weekly.add(new ListingContent.WeeklySession(d, opens, closes, "monthly", week, null));
          } else if (interval == 2) {
            weekly.add(
                new ListingContent.WeeklySession(d, opens, closes, "fortnightly", null, dtstart));
          } else {
            weekly.add(new ListingContent.WeeklySession(d, opens, closes, "weekly", null, null));
          }
        }
      }
    }

    ListingContent.Schedule schedule() {
      return new ListingContent.Schedule(weekly, oneOff, validFrom, validTo, closures);
    }

    void locations(JsonNode serviceAtLocations) {
      int i = 0;
      for (JsonNode sal : serviceAtLocations) {
        String at = "service_at_locations[" + i++ + "].location";
        JsonNode l = sal.path("location");
        JsonNode address = l.path("addresses").path(0);
        List<String> parts = new ArrayList<>();
        for (String field : List.of("address_1", "address_2", "city", "state_province")) {
          String part = text(address, field);
          if (part != null) {
            parts.add(part);
          }
        }
        String postalCode = text(address, "postal_code");
        String postcode = postcodeOrNull(postalCode);
        if (postalCode != null && postcode == null) {
          parts.add(postalCode);
        }
        String name = text(l, "name");
        if (parts.isEmpty() && name != null) {
          parts.add(name);
        }
        JsonNode lat = l.get("latitude");
        JsonNode lon = l.get("longitude");
        if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
          warn(at + ": no coordinates, location skipped");
          continue;
        }
        if (Math.abs(lat.asDouble()) > 90 || Math.abs(lon.asDouble()) > 180) {
          errors.add(
              new ImportItem.Rejected(
                  file, line, at + ".latitude", "coordinates out of range: " + lat + "," + lon));
          continue;
        }
        locations.add(
            new ListingContent.Location(
                name, String.join(", ", parts), postcode, lat.asDouble(), lon.asDouble()));
      }
    }
  }
}
