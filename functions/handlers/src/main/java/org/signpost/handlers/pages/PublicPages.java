package org.signpost.handlers.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchResult;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.handlers.Searches;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.WebContext;
import org.signpost.search.SearchHits;

/**
 * The search page and the listing page. Search goes through the same parser and service as {@code
 * /api/search}, so the page gets the same filters, limits and crisis pinning. Stateless apart from
 * its collaborators; thread-safe.
 */
public final class PublicPages {
  /** Parameters that steer the page itself and mean nothing to search. */
  private static final Set<String> PAGE_ONLY = Set.of("lang");

  // Used only when the search itself is refused, so crisis help still shows above the error.
  private static final CrisisDetector DETECTOR = new CrisisDetector();

  private final SearchService search;
  private final SearchParams params;
  private final UnmetNeedTally unmet;
  private final ListingRepository listings;

  /**
   * @param unmet counts searches that found little, as {@code /api/search} does
   */
  public PublicPages(
      SearchService search, SearchParams params, UnmetNeedTally unmet, ListingRepository listings) {
    this.search = search;
    this.params = params;
    this.unmet = unmet;
    this.listings = listings;
  }

  /** {@code GET /}: the search form, or, once something is asked, crisis help, then results. */
  public ApiResponse home(ApiRequest request, WebContext page) {
    Map<String, List<String>> asked = searchParameters(request.query());
    List<String> needs = asked.getOrDefault("need", List.of());
    String near = first(asked, "near");
    String day = Optional.ofNullable(first(asked, "day")).orElse("");
    boolean free = "true".equals(first(asked, "free"));
    String words = Optional.ofNullable(first(asked, "q")).orElse("");
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("search_title"));
    scope.put("near", near == null ? "" : near);
    scope.put("words", words);
    scope.put("free", free);
    scope.put("needs", needChips(page, needs));
    scope.put("days", dayOptions(page, day));
    if (asked.isEmpty()) {
      return page.render(200, "home", scope);
    }
    scope.put("asked", true);
    scope.put("summary", summary(page, needs, near, day, free, words));
    SearchResult result;
    try {
      result = Searches.find(search, params, unmet, withPageDefaults(asked));
    } catch (SignpostException.Invalid e) {
      scope.put("changeOpen", true);
      scope.put("crisis", DETECTOR.signalsDistress(words));
      for (FieldError error : e.errors()) {
        scope.put(
            "near".equals(error.field()) ? "placeError" : "searchError",
            page.message("near".equals(error.field()) ? "search_unknown_place" : "search_invalid"));
      }
      return page.render(400, "home", scope);
    }
    scope.put("crisis", result.crisis());
    Shortlist list = Shortlist.from(request);
    if (!list.ids().isEmpty()) {
      scope.put("listCount", page.message("shortlist_count", list.ids().size()));
    }
    List<Map<String, Object>> rows = results(page, result.hits(), needs, day, free);
    String back = backTo(request.query());
    for (Map<String, Object> row : rows) {
      row.put("listed", list.ids().contains(String.valueOf(row.get("id"))));
      row.put("back", back);
    }
    scope.put("results", rows);
    scope.put("searched", true);
    scope.put("count", page.message("search_results", result.hits().total()));
    return page.render(200, "home", scope);
  }

  // The page's form sends every field, empty or not; an empty field means "not asked".
  private static Map<String, List<String>> searchParameters(Map<String, List<String>> query) {
    Map<String, List<String>> asked = new LinkedHashMap<>();
    query.forEach(
        (name, values) -> {
          List<String> given =
              values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
          if (!PAGE_ONLY.contains(name) && !given.isEmpty()) {
            asked.put(name, given);
          }
        });
    return asked;
  }

  // Where "add to my list" returns to: these results again, or the list when the query is huge.
  private static String backTo(Map<String, List<String>> query) {
    StringBuilder back = new StringBuilder("/?");
    query.forEach(
        (name, values) ->
            values.forEach(
                v ->
                    back.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&')));
    back.setLength(back.length() - 1); // the last '&', or the '?' of an empty query
    return back.length() > 1_500 ? "/shortlist" : back.append("#results").toString();
  }

  // A person who gives only a place wants what is nearest, as the page always did.
  private static Map<String, List<String>> withPageDefaults(Map<String, List<String>> asked) {
    boolean place = asked.containsKey("near") || asked.containsKey("lat");
    if (!place || asked.containsKey("q") || asked.containsKey("sort")) {
      return asked;
    }
    Map<String, List<String>> out = new LinkedHashMap<>(asked);
    out.put("sort", List.of("distance"));
    return out;
  }

  private static String summary(
      WebContext page, List<String> needs, String near, String day, boolean free, String words) {
    List<String> parts = new ArrayList<>();
    if (!words.isBlank()) {
      parts.add("“" + (words.length() > 60 ? words.substring(0, 60) + "…" : words) + "”");
    }
    needs.stream()
        .filter(Vocabulary.NEEDS::contains)
        .forEach(n -> parts.add(page.message("need_" + n)));
    if (near != null) {
      parts.add(near.length() > 40 ? near.substring(0, 40) + "…" : near);
    }
    if (Vocabulary.DAYS.contains(day)) {
      parts.add(page.message("day_" + day));
    }
    if (free) {
      parts.add(page.message("cost_free"));
    }
    return String.join(" · ", parts);
  }

  private static List<Map<String, Object>> results(
      WebContext page, SearchHits hits, List<String> needs, String day, boolean free) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchHits.Hit hit : hits.hits()) {
      List<String> why = new ArrayList<>();
      needs.stream()
          .filter(Vocabulary.NEEDS::contains)
          .forEach(n -> why.add(page.message("need_" + n)));
      if (Vocabulary.DAYS.contains(day)) {
        why.add(page.message("day_" + day));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", hit.id());
      row.put("name", hit.name());
      row.put("summary", hit.summary());
      row.put("organisation", hit.organisationName());
      row.put("crisisService", hit.crisis());
      if (hit.distanceKm() != null) {
        row.put(
            "distance",
            page.message("result_distance", String.format(Locale.ROOT, "%.1f", hit.distanceKm())));
      }
      if (hit.nextSession() != null) {
        row.put("next", page.message("result_next", ListingView.when(page, hit.nextSession())));
      }
      costOf(hit).ifPresent(cost -> row.put("cost", page.message("cost_" + cost)));
      if (free && !why.contains(page.message("cost_free"))) {
        why.add(page.message("cost_free"));
      }
      if (hit.verifiedAt() != null) {
        row.put(
            "verified", page.message("result_verified", ListingView.date(page, hit.verifiedAt())));
      }
      row.put("why", why);
      row.put("hasWhy", !why.isEmpty());
      out.add(row);
    }
    return out;
  }

  // The index explains a cost match as "cost: free"; the page shows it in the person's language.
  private static Optional<String> costOf(SearchHits.Hit hit) {
    return hit.why().stream()
        .filter(w -> w.startsWith("cost: "))
        .map(w -> w.substring("cost: ".length()))
        .filter(Vocabulary.COST_TYPES::contains)
        .findFirst();
  }

  /** {@code GET /listings/{id}}: everything a person needs to turn up. */
  public ApiResponse listing(ApiRequest request, WebContext page) {
    String id = request.pathParameter("id");
    Listing listing =
        listings
            .find(id)
            .filter(Listing::isPublished)
            .orElseThrow(() -> new SignpostException.NotFound("no listing " + id));
    Map<String, Object> scope = ListingView.of(page, listing);
    scope.put("title", listing.content().name());
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

  private static String first(Map<String, List<String>> q, String name) {
    List<String> values = q.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
