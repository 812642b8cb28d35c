package org.signpost.handlers.pages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.handlers.web.WebContext;

/** What a person needs to turn up to one listing, in the page's language. Stateless. */
final class ListingView {
  private ListingView() {}

  /** The listing page's fields: when, where, cost, who for, how to join and contact. */
  static Map<String, Object> of(WebContext page, Listing listing) {
    Map<String, Object> scope = new LinkedHashMap<>();
    ListingContent c = listing.content();
    scope.put("id", listing.id());
    scope.put("name", c.name());
    scope.put("summary", c.summary());
    scope.put("description", c.description());
    scope.put("organisation", listing.organisationName());
    scope.put("alert", c.alert());
    List<String> sessions = new ArrayList<>();
    for (ListingContent.WeeklySession s : c.schedule().weekly()) {
      sessions.add(
          page.message("day_" + s.day())
              + " "
              + s.start()
              + "–"
              + s.end()
              + ("weekly".equals(s.frequency()) || s.frequency() == null
                  ? ""
                  : " (" + s.frequency() + ")"));
    }
    scope.put("sessions", sessions);
    if (listing.nextSession() != null) {
      scope.put("next", page.message("result_next", when(page, listing.nextSession())));
    }
    List<Map<String, Object>> places = new ArrayList<>();
    for (ListingContent.Location l : c.locations()) {
      Map<String, Object> place = new LinkedHashMap<>();
      place.put("name", l.name());
      place.put("address", l.address());
      place.put("postcode", l.postcode());
      if (l.lat() != null && l.lon() != null) {
        place.put(
            "map",
            String.format(
                Locale.ROOT,
                "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=17/%.5f/%.5f",
                l.lat(),
                l.lon(),
                l.lat(),
                l.lon()));
      }
      places.add(place);
    }
    scope.put("places", places);
    String cost = page.message("cost_" + c.cost().type());
    scope.put("cost", cost);
    scope.put("costNote", costNote(cost, c.cost().description()));
    scope.put("whoFor", c.eligibility().whoFor());
    scope.put("access", c.accessibility().stream().map(a -> page.message("access_" + a)).toList());
    scope.put(
        "spoken",
        c.languages().stream()
            .map(l -> Locale.forLanguageTag(l).getDisplayLanguage(page.language().locale()))
            .toList());
    scope.put("hasAccess", !c.accessibility().isEmpty());
    scope.put("hasLanguages", !c.languages().isEmpty());
    scope.put("selfReferral", c.referralRoutes().contains("self"));
    scope.put("phone", c.contact().phone());
    scope.put("email", c.contact().email());
    scope.put(
        "url",
        c.contact().url() != null && c.contact().url().startsWith("https://")
            ? c.contact().url()
            : null);
    if (listing.assuredDate() != null) {
      scope.put("verified", page.message("result_verified", date(page, listing.assuredDate())));
    }
    return scope;
  }

  /** The listing's own words on cost, unless they only repeat the label ("Free – Free"). */
  static String costNote(String label, String description) {
    if (description == null) {
      return null;
    }
    String plain = description.strip().replaceAll("[.!]+$", "");
    return plain.isEmpty() || plain.equalsIgnoreCase(label.strip()) ? null : description;
  }

  static String when(WebContext page, String localDateTime) {
    try {
      return LocalDateTime.parse(localDateTime)
          .format(
              DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                  .withLocale(page.language().locale()));
    } catch (RuntimeException e) {
      return localDateTime;
    }
  }

  static String date(WebContext page, String isoDate) {
    try {
      return LocalDate.parse(isoDate.substring(0, 10))
          .format(
              DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                  .withLocale(page.language().locale()));
    } catch (RuntimeException e) {
      return isoDate;
    }
  }
}
