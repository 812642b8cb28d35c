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
 * Random parameter sets thrown at the search handler over the demo listings: never a 5xx, a 400
 * always names a parameter, and every result holds every filter given.
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
  void search_neverFails_andResultsHoldEveryFilter(
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
