package org.signpost.handlers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.listing.NextSession;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.Places;
import org.signpost.handlers.web.WebContext;
import org.signpost.search.GeoPoint;
import org.signpost.search.SearchFilters;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchQuery;

/** The search page and the listing page. Stateless apart from its collaborators; thread-safe. */
final class PublicPages {
  static final double RADIUS_KM = 15;
  static final int SHOWN = 20;

  private final SearchService search;
  private final ListingRepository listings;
  private final Places places = new Places();

  PublicPages(SearchService search, ListingRepository listings) {
    this.search = search;
    this.listings = listings;
  }

  /** {@code GET /}: the search form, and results once something is asked. */
  ApiResponse home(ApiRequest request, WebContext page) {
    Map<String, List<String>> q = request.query();
    List<String> needs =
        q.getOrDefault("need", List.of()).stream().filter(Vocabulary.NEEDS::contains).toList();
    String near = first(q, "near");
    String day = Optional.ofNullable(first(q, "day")).filter(Vocabulary.DAYS::contains).orElse("");
    boolean free = "1".equals(first(q, "free"));
    String words = Optional.ofNullable(first(q, "q")).orElse("");
    if (words.length() > 200) {
      words = words.substring(0, 200);
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("search_title"));
    scope.put("near", near == null ? "" : near);
    scope.put("words", words);
    scope.put("free", free);
    scope.put("needs", needChips(page, needs));
    scope.put("days", dayOptions(page, day));
    boolean asked = !needs.isEmpty() || near != null || !words.isBlank() || free || !day.isEmpty();
    if (asked) {
      Optional<GeoPoint> point = places.find(near);
      if (near != null && !near.isBlank() && point.isEmpty()) {
        scope.put("placeError", page.message("search_unknown_place"));
      }
      List<Map<String, Object>> results = results(page, needs, point, day, free, words);
      scope.put("asked", true);
      scope.put("results", results);
      scope.put("count", page.message("search_results", results.size()));
    }
    return page.render(200, "home", scope);
  }

  private List<Map<String, Object>> results(
      WebContext page,
      List<String> needs,
      Optional<GeoPoint> point,
      String day,
      boolean free,
      String words) {
    // Needs, day and cost are index filters, so the page never reads listings one by one.
    SearchFilters filters =
        new SearchFilters(
            needs,
            List.of(),
            free ? Boolean.TRUE : null,
            List.of(),
            List.of(),
            List.of(),
            null,
            false,
            false,
            List.of(),
            List.of(),
            day.isEmpty() ? null : NextSession.dayOf(day).getValue(),
            null,
            null,
            null,
            false);
    SearchHits hits =
        search.search(
            new SearchQuery(
                words,
                filters,
                point.orElse(null),
                point.isPresent() ? RADIUS_KM : null,
                point.isPresent() && words.isBlank()
                    ? SearchQuery.SortOrder.DISTANCE
                    : SearchQuery.SortOrder.RELEVANCE,
                SHOWN,
                null,
                null));
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchHits.Hit hit : hits.hits()) {
      List<String> why = new ArrayList<>();
      needs.forEach(n -> why.add(page.message("need_" + n)));
      if (free) {
        why.add(page.message("cost_free"));
      }
      if (!day.isEmpty()) {
        why.add(page.message("day_" + day));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", hit.id());
      row.put("name", hit.name());
      row.put("summary", hit.summary());
      row.put("organisation", hit.organisationName());
      if (hit.distanceKm() != null) {
        row.put(
            "distance",
            page.message("result_distance", String.format(Locale.ROOT, "%.1f", hit.distanceKm())));
      }
      if (hit.nextSession() != null) {
        row.put("next", page.message("result_next", when(page, hit.nextSession())));
      }
      if (hit.verifiedAt() != null) {
        row.put("verified", page.message("result_verified", date(page, hit.verifiedAt())));
      }
      row.put("why", why);
      row.put("hasWhy", !why.isEmpty());
      out.add(row);
    }
    return out;
  }

  /** {@code GET /listings/{id}}: everything a person needs to turn up. */
  ApiResponse listing(ApiRequest request, WebContext page) {
    String id = request.pathParameter("id");
    Listing listing =
        listings
            .find(id)
            .filter(Listing::isPublished)
            .orElseThrow(() -> new SignpostException.NotFound("no listing " + id));
    ListingContent c = listing.content();
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", c.name());
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
    scope.put("cost", page.message("cost_" + c.cost().type()));
    scope.put("costNote", c.cost().description());
    scope.put("whoFor", c.eligibility().whoFor());
    scope.put("access", c.accessibility().stream().map(a -> page.message("access_" + a)).toList());
    scope.put(
        "spoken",
        c.languages().stream()
            .map(
                l ->
                    Locale.forLanguageTag(l)
                        .getDisplayLanguage(Locale.forLanguageTag(page.language().code())))
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
    return page.render(200, "listing", scope);
  }

  static List<Map<String, Object>> needChips(WebContext page, List<String> chosen) {
    List<Map<String, Object>> chips = new ArrayList<>();
    for (String need : Vocabulary.NEEDS) {
      if (need.equals("mental_health_crisis")) {
        continue; // crisis help is the "Get help now" link, never a search filter
      }
      chips.add(
          Map.of(
              "code",
              need,
              "label",
              page.message("need_" + need),
              "checked",
              chosen.contains(need)));
    }
    return chips;
  }

  private static List<Map<String, Object>> dayOptions(WebContext page, String chosen) {
    List<Map<String, Object>> days = new ArrayList<>();
    for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
      days.add(
          Map.of("code", day, "label", page.message("day_" + day), "selected", day.equals(chosen)));
    }
    return days;
  }

  private static String when(WebContext page, String localDateTime) {
    try {
      return LocalDateTime.parse(localDateTime)
          .format(
              DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                  .withLocale(Locale.forLanguageTag(page.language().code())));
    } catch (RuntimeException e) {
      return localDateTime;
    }
  }

  private static String date(WebContext page, String isoDate) {
    try {
      return LocalDate.parse(isoDate.substring(0, 10))
          .format(
              DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                  .withLocale(Locale.forLanguageTag(page.language().code())));
    } catch (RuntimeException e) {
      return isoDate;
    }
  }

  private static String first(Map<String, List<String>> q, String name) {
    List<String> values = q.get(name);
    return values == null || values.isEmpty() ? null : values.get(0).strip();
  }
}
