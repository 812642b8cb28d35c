package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.Json;

/**
 * Writes a listing as an HSDS 3.0 service: the one place the listing model becomes HSDS. The
 * reverse direction is {@link HsdsServiceReader}; together they round-trip. Personal data never
 * appears: a listing holds only public contact routes. Stateless.
 */
public final class HsdsMapping {
  private HsdsMapping() {}

  /** The full service with its organisation, locations, schedules and profile attributes. */
  public static ObjectNode toService(Listing listing, Organisation organisation) {
    ListingContent c = listing.content();
    String id = HsdsIds.service(listing.id());
    ObjectNode s = brief(listing);
    s.put("url", c.contact().url());
    s.put("email", c.contact().email());
    s.put("fees_description", c.cost().description());
    s.put("eligibility_description", c.eligibility().whoFor());
    putInt(s, "minimum_age", c.eligibility().minimumAge());
    putInt(s, "maximum_age", c.eligibility().maximumAge());
    s.put("assured_date", listing.assuredDate());
    s.put("alert", c.alert());
    s.put("alternate_name", c.alternateName());
    s.put("last_modified", listing.lastModified().toString());

    s.set("organization", organization(listing, organisation));

    ArrayNode phones = s.putArray("phones");
    if (c.contact().phone() != null) {
      phones
          .addObject()
          .put("id", HsdsIds.child(id, "phone", 0))
          .put("service_id", id)
          .put("number", c.contact().phone())
          .put("type", "voice");
    }
    schedules(s.putArray("schedules"), id, c.schedule());
    locations(s.putArray("service_at_locations"), id, c.locations());
    ArrayNode languages = s.putArray("languages");
    for (int i = 0; i < c.languages().size(); i++) {
      String code = c.languages().get(i);
      languages
          .addObject()
          .put("id", HsdsIds.child(id, "language", i))
          .put("service_id", id)
          .put("name", Locale.of(code).getDisplayLanguage(Locale.ENGLISH))
          .put("code", code);
    }
    s.putArray("cost_options")
        .addObject()
        .put("id", HsdsIds.child(id, "cost_option", 0))
        .put("service_id", id)
        .put("option", c.cost().type())
        .put("amount_description", c.cost().description());
    s.set("attributes", attributes(id, c));
    return withoutNulls(s);
  }

  /** What {@code minimal=true} lists return, as ORUK asks: the id and when it last changed. */
  public static ObjectNode minimal(Listing listing) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("id", HsdsIds.service(listing.id()));
    s.put("modified_date", listing.lastModified().toString());
    return s;
  }

  /** The service's one-to-one fields and its organisation, without the nested arrays. */
  public static ObjectNode oneToOne(Listing listing, Organisation organisation) {
    ObjectNode s = toService(listing, organisation);
    List<String> arrays = new ArrayList<>();
    s.properties()
        .forEach(
            e -> {
              if (e.getValue().isArray()) {
                arrays.add(e.getKey());
              }
            });
    s.remove(arrays);
    return s;
  }

  /** The identifying fields of a service, as organisations and locations nest it. */
  public static ObjectNode brief(Listing listing) {
    ListingContent c = listing.content();
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("id", HsdsIds.service(listing.id()));
    s.put("organization_id", HsdsIds.organization(listing.organisationId()));
    s.put("name", c.name());
    s.put("description", c.description() == null ? "" : c.description());
    s.put("status", "active");
    return withoutNulls(s);
  }

  /** An organisation as HSDS writes it, without its services. */
  public static ObjectNode organization(Listing listing, Organisation organisation) {
    ObjectNode org = Json.MAPPER.createObjectNode();
    org.put(
        "id",
        HsdsIds.organization(organisation == null ? listing.organisationId() : organisation.id()));
    org.put("name", organisation == null ? listing.organisationName() : organisation.name());
    org.put(
        "description",
        organisation == null || organisation.description() == null
            ? ""
            : organisation.description());
    return org;
  }

  private static void schedules(ArrayNode out, String id, ListingContent.Schedule schedule) {
    int n = 0;
    for (ListingContent.WeeklySession w : schedule.weekly()) {
      ObjectNode node = schedule(out, id, n++, schedule, w.start(), w.end());
      String day = w.day().substring(0, 2).toUpperCase(Locale.ROOT);
      String frequency = w.frequency() == null ? "weekly" : w.frequency();
      switch (frequency) {
        case "monthly" -> {
          node.put("freq", "MONTHLY").put("interval", 1);
          node.put("byday", w.weekOfMonth() + day);
        }
        case "fortnightly" -> {
          node.put("freq", "WEEKLY").put("interval", 2).put("byday", day);
          node.put("dtstart", w.anchorDate());
        }
        default -> node.put("freq", "WEEKLY").put("interval", 1).put("byday", day);
      }
    }
    for (ListingContent.OneOffSession o : schedule.oneOff()) {
      ObjectNode node = schedule(out, id, n++, schedule, o.start(), o.end());
      node.put("dtstart", o.date()).put("until", o.date()).put("count", 1);
    }
  }

  private static ObjectNode schedule(
      ArrayNode out,
      String id,
      int n,
      ListingContent.Schedule schedule,
      String opensAt,
      String closesAt) {
    ObjectNode node = out.addObject();
    node.put("id", HsdsIds.child(id, "schedule", n));
    node.put("service_id", id);
    node.put("valid_from", schedule.validFrom());
    node.put("valid_to", schedule.validTo());
    node.put("timezone", 0);
    node.put("opens_at", opensAt);
    node.put("closes_at", closesAt);
    node.put("attending_type", "in_person");
    return node;
  }

  private static void locations(ArrayNode out, String id, List<ListingContent.Location> locations) {
    for (int i = 0; i < locations.size(); i++) {
      ListingContent.Location l = locations.get(i);
      String locationId = HsdsIds.child(id, "location", i);
      ObjectNode sal = out.addObject();
      sal.put("id", HsdsIds.child(id, "service_at_location", i));
      sal.put("service_id", id);
      sal.put("location_id", locationId);
      ObjectNode location = sal.putObject("location");
      location.put("id", locationId);
      location.put("location_type", "physical");
      location.put("name", l.name());
      location.put("latitude", l.lat());
      location.put("longitude", l.lon());
      location
          .putArray("addresses")
          .addObject()
          .put("id", HsdsIds.child(locationId, "address"))
          .put("location_id", locationId)
          .put("address_1", l.address())
          .put("city", "")
          .put("state_province", "")
          .put("postal_code", l.postcode() == null ? "" : l.postcode())
          .put("country", l.postcode() == null ? "" : "GB")
          .put("address_type", "physical");
    }
  }

  private static ArrayNode attributes(String id, ListingContent c) {
    List<String[]> terms = new ArrayList<>();
    c.needs().forEach(v -> terms.add(new String[] {HsdsTaxonomies.needTerm(v), null}));
    c.categories().forEach(v -> terms.add(new String[] {HsdsTaxonomies.categoryTerm(v), null}));
    terms.add(new String[] {HsdsTaxonomies.profileTerm("kind", c.kind()), null});
    flag(terms, "crisis", c.crisis());
    flag(terms, "open_24_7", c.open247());
    flag(terms, "women_only", c.eligibility().womenOnly());
    flag(terms, "men_only", c.eligibility().menOnly());
    c.delivery().forEach(v -> terms.add(profile("delivery", v)));
    c.accessibility().forEach(v -> terms.add(profile("accessibility", v)));
    terms.add(profile("capacity", c.capacity()));
    c.referralRoutes().forEach(v -> terms.add(profile("referral_route", v)));
    if (c.summary() != null) {
      terms.add(new String[] {HsdsTaxonomies.profileTerm("summary", null), c.summary()});
    }
    c.keywords()
        .forEach(k -> terms.add(new String[] {HsdsTaxonomies.profileTerm("keyword", null), k}));
    for (ListingContent.Closure closure : c.schedule().closures()) {
      String value =
          closure.from()
              + "/"
              + closure.to()
              + (closure.reason() == null ? "" : " " + closure.reason());
      terms.add(new String[] {HsdsTaxonomies.profileTerm("closure", null), value});
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = 0; i < terms.size(); i++) {
      String termId = terms.get(i)[0];
      ObjectNode a = out.addObject();
      a.put("id", HsdsIds.child(id, "attribute", i));
      a.put("link_id", id);
      a.put("link_type", "service");
      a.put("link_entity", "service");
      a.put("taxonomy_term_id", HsdsIds.term(termId));
      a.put("value", terms.get(i)[1]);
      HsdsTaxonomies.find(termId).ifPresent(t -> a.set("taxonomy_term", term(t)));
    }
    return out;
  }

  /** A taxonomy term as HSDS writes it. */
  static ObjectNode term(HsdsTaxonomies.Term t) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", HsdsIds.term(t.id()));
    node.put("code", t.code());
    node.put("name", t.name());
    node.put("description", t.description() == null ? t.name() : t.description());
    node.put("taxonomy", t.taxonomyId());
    node.put("taxonomy_id", HsdsIds.taxonomy(t.taxonomyId()));
    return node;
  }

  private static String[] profile(String name, String value) {
    return new String[] {HsdsTaxonomies.profileTerm(name, value), null};
  }

  private static void flag(List<String[]> terms, String name, boolean on) {
    if (on) {
      terms.add(new String[] {HsdsTaxonomies.profileTerm(name, null), null});
    }
  }

  /** HSDS types its fields as strings or numbers, not nullable ones: absent means unknown. */
  private static ObjectNode withoutNulls(ObjectNode node) {
    List<String> nulls = new ArrayList<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                nulls.add(e.getKey());
              }
            });
    node.remove(nulls);
    for (JsonNode child : node) {
      if (child.isObject()) {
        withoutNulls((ObjectNode) child);
      } else if (child.isArray()) {
        child.forEach(
            item -> {
              if (item.isObject()) {
                withoutNulls((ObjectNode) item);
              }
            });
      }
    }
    return node;
  }

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /** A JSON text value, or null when absent, null or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
