package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.util.SloppyMath;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.NextSession;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;
import org.signpost.search.GeoPoint;
import org.signpost.search.SearchIndex;

/**
 * Random parameter sets thrown at the search handler over the demo listings. Valid sets must answer
 * 200 with every result holding every filter (open_now included), with coverage checked by jqwik
 * statistics; mixed sets with invalid values answer 200 or a 400 that names a parameter.
 */
class SearchPropertiesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:30:00Z"), ZoneOffset.UTC);
  private static final SearchFunction HANDLER = handler();

  private static SearchFunction handler() {
    SearchService service =
        new SearchService(new SearchIndex(), new DemoListings(), CLOCK, Duration.ofHours(1));
    service.build();
    return new SearchFunction(service, new SearchParams(OutcodeGeocoder.bundled(), CLOCK));
  }

  @Provide
  Arbitrary<Map<String, List<String>>> parameters() {
    Map<String, Arbitrary<String>> pools = new LinkedHashMap<>();
    pools.put(
        "q",
        Arbitraries.of(
            "english",
            "walk",
            "knit",
            "lonely",
            "cafe",
            "want to die",
            "(*\"name:x",
            "🙂",
            "إنجليزي",
            "befreinding",
            ""));
    pools.put("need", Arbitraries.of(concat(Vocabulary.NEEDS, "sadness")));
    pools.put("category", Arbitraries.of(concat(List.copyOf(Vocabulary.CATEGORIES), "knitting")));
    pools.put("free", Arbitraries.of("true", "false", "yes"));
    pools.put("cost", Arbitraries.of("free", "small_charge", "pay_what_you_can", "paid", "cheap"));
    pools.put("language", Arbitraries.of("en", "ur", "pa", "pl", "xx", "english"));
    pools.put(
        "accessibility", Arbitraries.of(concat(List.copyOf(Vocabulary.ACCESSIBILITY), "lift")));
    pools.put("age", Arbitraries.of("8", "16", "30", "70", "-1", "200", "old"));
    pools.put("women_only", Arbitraries.of("true", "false"));
    pools.put("men_only", Arbitraries.of("true", "false"));
    pools.put("delivery", Arbitraries.of("in_person", "online", "phone", "post"));
    pools.put("kind", Arbitraries.of("activity", "signpost", "event"));
    pools.put("day", Arbitraries.of("mon", "tue", "wed", "thu", "fri", "sat", "sun", "tuesday"));
    pools.put("open_now", Arbitraries.of("true", "false"));
    pools.put("near", Arbitraries.of("B11", "B12", "52.46,-1.87", "ZZ99", "B11 9ZZ", "nowhere"));
    pools.put("radius_km", Arbitraries.of("1", "5", "20", "0", "500"));
    pools.put("sort", Arbitraries.of("relevance", "distance", "next_session", "best"));
    pools.put("limit", Arbitraries.of("1", "5", "100", "0", "x"));
    pools.put("cursor", Arbitraries.of("bm9wZQ", "%%%"));
    List<Arbitrary<Optional<Map.Entry<String, String>>>> entries = new ArrayList<>();
    pools.forEach(
        (name, values) ->
            entries.add(
                values.map(v -> Map.entry(name, v)).optional(0.25).map(o -> o.map(e -> e))));
    return Combinators.combine(entries)
        .as(
            chosen -> {
              Map<String, List<String>> out = new LinkedHashMap<>();
              for (Optional<Map.Entry<String, String>> e : chosen) {
                e.ifPresent(
                    p -> out.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
              }
              return out;
            });
  }

  @Property(tries = 300)
  void search_answersMixedValidAndInvalidSets_with200Or400NamingAParameter(
      @ForAll("parameters") Map<String, List<String>> params) throws Exception {
    ApiResponse response = HANDLER.handle(request(params));
    net.jqwik.api.statistics.Statistics.collect(
        response.status(), response.body().contains("\"results\":[]") ? "empty" : "results");

    assertThat(response.status()).as(params.toString()).isIn(200, 400);
    JsonNode body = Json.MAPPER.readTree(response.body());
    if (response.status() == 400) {
      assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
      assertThat(body.get("errors")).isNotEmpty();
      for (JsonNode error : body.get("errors")) {
        assertThat(params).containsKey(error.get("field").asText());
      }
      return;
    }
    boolean crisisBlock = !body.get("crisis").isNull();
    for (JsonNode result : body.get("results")) {
      if (crisisBlock && result.get("crisis").asBoolean()) {
        continue; // crisis services are pinned whatever the filters: safety first
      }
      Listing listing = DemoListings.byId(result.get("id").asText());
      assertThat(holds(listing.content(), params)).as(listing.id() + " for " + params).isTrue();
    }
  }

  /** Only valid values, combined the way the API allows, each parameter present 40% of the time. */
  @Provide
  Arbitrary<Map<String, List<String>>> validParameters() {
    Map<String, Arbitrary<String>> pools = new LinkedHashMap<>();
    pools.put("q", Arbitraries.of("english", "walk", "knit", "lonely", "cafe", "group"));
    pools.put("need", Arbitraries.of(Vocabulary.NEEDS));
    pools.put("category", Arbitraries.of(List.copyOf(Vocabulary.CATEGORIES)));
    pools.put("free", Arbitraries.of("true", "false"));
    pools.put("cost", Arbitraries.of("free", "small_charge", "pay_what_you_can", "paid"));
    pools.put("language", Arbitraries.of("en", "ur", "pa", "pl"));
    pools.put("accessibility", Arbitraries.of(List.copyOf(Vocabulary.ACCESSIBILITY)));
    pools.put("age", Arbitraries.of("8", "16", "30", "70"));
    pools.put("women_only", Arbitraries.of("true", "false"));
    pools.put("men_only", Arbitraries.of("true", "false"));
    pools.put("delivery", Arbitraries.of("in_person", "online", "phone"));
    pools.put("kind", Arbitraries.of("activity", "signpost"));
    pools.put("day", Arbitraries.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"));
    pools.put("open_now", Arbitraries.of("true", "false"));
    pools.put("near", Arbitraries.of("B11", "B12", "52.46,-1.87"));
    pools.put("radius_km", Arbitraries.of("1", "5", "20"));
    pools.put("sort", Arbitraries.of("relevance", "distance", "next_session"));
    pools.put("limit", Arbitraries.of("5", "20", "100"));
    List<Arbitrary<Optional<Map.Entry<String, String>>>> entries = new ArrayList<>();
    pools.forEach(
        (name, values) ->
            entries.add(values.map(v -> Map.entry(name, v)).optional(0.4).map(o -> o.map(e -> e))));
    return Combinators.combine(entries)
        .as(
            chosen -> {
              Map<String, List<String>> out = new LinkedHashMap<>();
              for (Optional<Map.Entry<String, String>> e : chosen) {
                e.ifPresent(p -> out.put(p.getKey(), List.of(p.getValue())));
              }
              // A radius or a distance sort needs a place; without one the set would be invalid.
              if (!out.containsKey("near")) {
                out.remove("radius_km");
                if (List.of("distance").equals(out.get("sort"))) {
                  out.remove("sort");
                }
              }
              return out;
            });
  }

  @Property(tries = 400)
  void search_answersEveryValidSetWith200_andResultsHoldEveryFilterIncludingOpenNow(
      @ForAll("validParameters") Map<String, List<String>> params) throws Exception {
    ApiResponse response = HANDLER.handle(request(params));
    JsonNode body = Json.MAPPER.readTree(response.body());
    boolean found = response.status() == 200 && !body.get("results").isEmpty();
    for (String name : List.of("open_now", "near", "need", "day", "accessibility")) {
      net.jqwik.api.statistics.Statistics.label(name).collect(params.containsKey(name));
    }
    net.jqwik.api.statistics.Statistics.label("results").collect(found);

    assertThat(response.status()).as(params + " " + response.body()).isEqualTo(200);
    boolean crisisBlock = !body.get("crisis").isNull();
    for (JsonNode result : body.get("results")) {
      if (crisisBlock && result.get("crisis").asBoolean()) {
        continue;
      }
      Listing listing = DemoListings.byId(result.get("id").asText());
      assertThat(holds(listing.content(), params)).as(listing.id() + " for " + params).isTrue();
    }

    // Each filter is exercised often enough, and a fair share of the sets find something.
    for (String name : List.of("open_now", "near", "need", "day", "accessibility")) {
      net.jqwik.api.statistics.Statistics.label(name)
          .coverage(checker -> checker.check(true).percentage(p -> p >= 8));
    }
    net.jqwik.api.statistics.Statistics.label("results")
        .coverage(checker -> checker.check(true).percentage(p -> p >= 15));
  }

  /**
   * Whether a listing can be open at the test clock's time (Tuesday 1 December 2026, 10:30 in
   * London), worked out here from its schedule rather than by the production code: open every day
   * and night, or a weekly Tuesday session or a one-off session that day whose hours include 10:30.
   * Fortnightly, monthly and closure rules only narrow this, so it is a necessary condition.
   */
  private static boolean openAtTestTime(ListingContent c) {
    String now = "10:30";
    boolean weekly =
        c.schedule().weekly().stream()
            .anyMatch(
                s ->
                    s.day().equals("tue")
                        && s.start().compareTo(now) <= 0
                        && s.end().compareTo(now) > 0);
    boolean oneOff =
        c.schedule().oneOff().stream()
            .anyMatch(
                s ->
                    s.date().equals("2026-12-01")
                        && s.start().compareTo(now) <= 0
                        && s.end().compareTo(now) > 0);
    return c.open247() || weekly || oneOff;
  }

  private static boolean holds(ListingContent c, Map<String, List<String>> params) {
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      List<String> v = p.getValue();
      boolean ok =
          switch (p.getKey()) {
            case "need" -> v.stream().anyMatch(n -> needs(c).contains(n));
            case "category" -> v.stream().anyMatch(c.categories()::contains);
            case "free" -> v.get(0).equals("true") == c.cost().type().equals("free");
            case "cost" -> v.contains(c.cost().type());
            case "language" -> v.stream().anyMatch(c.languages()::contains);
            case "accessibility" -> c.accessibility().containsAll(v);
            case "age" -> {
              int age = Integer.parseInt(v.get(0));
              yield (c.eligibility().minimumAge() == null || c.eligibility().minimumAge() <= age)
                  && (c.eligibility().maximumAge() == null || c.eligibility().maximumAge() >= age);
            }
            case "women_only" -> !v.get(0).equals("true") || c.eligibility().womenOnly();
            case "men_only" -> !v.get(0).equals("true") || c.eligibility().menOnly();
            case "delivery" -> v.stream().anyMatch(c.delivery()::contains);
            case "kind" -> v.contains(c.kind());
            case "day" -> c.open247() || runsOn(c, NextSession.dayOf(v.get(0)).getValue());
            case "radius_km" -> within(c, params, Double.parseDouble(v.get(0)));
            case "open_now" -> !v.get(0).equals("true") || openAtTestTime(c);
            default -> true;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean runsOn(ListingContent c, int day) {
    return c.schedule().weekly().stream()
            .anyMatch(s -> NextSession.dayOf(s.day()).getValue() == day)
        || c.schedule().oneOff().stream()
            .anyMatch(s -> LocalDate.parse(s.date()).getDayOfWeek().getValue() == day);
  }

  private static boolean within(ListingContent c, Map<String, List<String>> params, double km) {
    List<String> delivery = params.getOrDefault("delivery", List.of("online", "phone"));
    boolean remote =
        c.delivery().stream().anyMatch(d -> !d.equals("in_person") && delivery.contains(d));
    GeoPoint from = near(params.get("near").get(0));
    return remote
        || c.locations().stream()
            .anyMatch(
                l ->
                    l.lat() != null
                        && SloppyMath.haversinMeters(from.lat(), from.lon(), l.lat(), l.lon())
                            <= km * 1000 + 1);
  }

  private static GeoPoint near(String near) {
    if (near.contains(",")) {
      String[] parts = near.split(",");
      return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    }
    return OutcodeGeocoder.bundled().locate(near).orElseThrow();
  }

  private static List<String> needs(ListingContent c) {
    List<String> out = new ArrayList<>(c.needs());
    c.categories()
        .forEach(cat -> out.addAll(Vocabulary.CATEGORY_NEEDS.getOrDefault(cat, List.of())));
    return out;
  }

  private static List<String> concat(List<String> values, String extra) {
    List<String> out = new ArrayList<>(values);
    out.add(extra);
    return out;
  }

  static ApiRequest request(Map<String, List<String>> params) {
    return new ApiRequest(
        "GET /api/search",
        "GET",
        "/api/search",
        Map.of(),
        params,
        Map.of(),
        "",
        Optional.empty(),
        "test",
        "127.0.0.1");
  }
}
