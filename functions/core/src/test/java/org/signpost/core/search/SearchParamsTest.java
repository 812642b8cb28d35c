package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.search.GeoPoint;
import org.signpost.search.SearchQuery;

class SearchParamsTest {
  /** A postcode table with one entry, standing in for the DynamoDB one. */
  private static final Geocoder POSTCODES =
      code ->
          code.equals("B11 4AB") ? Optional.of(new GeoPoint(52.4569, -1.8721)) : Optional.empty();

  // Tuesday 1 December 2026, 10:30 in London (GMT in winter).
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:30:00Z"), ZoneOffset.UTC);
  private final SearchParams params =
      new SearchParams(POSTCODES.orElse(OutcodeGeocoder.bundled()), clock);

  private SearchQuery read(String... pairs) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return params.read(map);
  }

  private List<String> badFields(String... pairs) {
    return catchThrowableOfType(SignpostException.Invalid.class, () -> read(pairs))
        .errors()
        .stream()
        .map(FieldError::field)
        .toList();
  }

  @Test
  void near_acceptsFullPostcode_outwardCode_andLatLon() {
    assertThat(read("near", "b11 4ab").point()).isEqualTo(new GeoPoint(52.4569, -1.8721));
    assertThat(read("near", "B114AB").point()).isEqualTo(new GeoPoint(52.4569, -1.8721));
    assertThat(read("near", "B11").point()).isNotNull();
    assertThat(read("near", "52.48, -1.90").point()).isEqualTo(new GeoPoint(52.48, -1.90));
  }

  @Test
  void near_unknownPostcode_isA400SayingSo() {
    SignpostException.Invalid invalid =
        catchThrowableOfType(SignpostException.Invalid.class, () -> read("near", "ZZ9 9ZZ"));

    assertThat(invalid.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("near");
              assertThat(e.message()).contains("unknown postcode");
            });
    assertThat(badFields("near", "ZZ99")).containsExactly("near");
    assertThat(badFields("near", "somewhere nice")).containsExactly("near");
    assertThat(badFields("near", "95,10")).containsExactly("near");
  }

  @Test
  void openNow_usesTheInjectedClock_inLondonTime() {
    SearchQuery query = read("open_now", "true", "day", "tue", "time_from", "09:00");

    assertThat(query.filters().openAt()).isEqualTo(LocalDateTime.parse("2026-12-01T10:30"));
    assertThat(query.filters().day()).isEqualTo(2);
    assertThat(query.filters().timeFrom()).isEqualTo(540);
    assertThat(query.today()).hasToString("2026-12-01");
  }

  @Test
  void summerTime_shiftsOpenNow_anHourAheadOfUtc() {
    SearchParams summer =
        new SearchParams(
            OutcodeGeocoder.bundled(),
            Clock.fixed(Instant.parse("2026-07-01T10:30:00Z"), ZoneOffset.UTC));

    assertThat(summer.read(Map.of("open_now", List.of("true"))).filters().openAt())
        .isEqualTo(LocalDateTime.parse("2026-07-01T11:30"));
  }

  @Test
  void filters_areReadIntoTheQuery() {
    SearchQuery query =
        read(
            "need",
            "loneliness",
            "need",
            "carers",
            "free",
            "true",
            "language",
            "ur",
            "accessibility",
            "step_free",
            "age",
            "70",
            "women_only",
            "true",
            "delivery",
            "online",
            "kind",
            "activity",
            "near",
            "B11",
            "radius_km",
            "5",
            "sort",
            "distance");

    assertThat(query.filters().needs()).containsExactly("loneliness", "carers");
    assertThat(query.filters().free()).isTrue();
    assertThat(query.filters().age()).isEqualTo(70);
    assertThat(query.filters().womenOnly()).isTrue();
    assertThat(query.radiusKm()).isEqualTo(5.0);
    assertThat(query.sort()).isEqualTo(SearchQuery.SortOrder.DISTANCE);
  }

  @ParameterizedTest
  @CsvSource({
    "need,sadness",
    "category,knitting",
    "cost,cheap",
    "language,english",
    "accessibility,lift",
    "delivery,post",
    "kind,event",
    "free,yes",
    "open_now,1",
    "women_only,maybe",
    "day,tuesday",
    "age,-1",
    "age,121",
    "age,7.5",
    "sort,nearest",
    "limit,0",
    "colour,red"
  })
  void badValue_isNamedInTheError(String name, String value) {
    assertThat(badFields(name, value)).containsExactly(name);
  }

  @Test
  void placeAndTimeCombinations_areChecked() {
    assertThat(badFields("radius_km", "5")).containsExactly("radius_km");
    assertThat(badFields("near", "B11", "radius_km", "0")).containsExactly("radius_km");
    assertThat(badFields("near", "B11", "radius_km", "201")).containsExactly("radius_km");
    assertThat(badFields("time_from", "09:00")).containsExactly("time_from");
    assertThat(badFields("day", "mon", "time_from", "9am")).containsExactly("time_from");
    assertThat(badFields("day", "mon", "time_from", "12:00", "time_to", "10:00"))
        .containsExactly("time_to");
    assertThat(badFields("sort", "distance")).containsExactly("sort");
    assertThat(badFields("near", "B11", "lat", "52", "lon", "-1")).containsExactly("near");
    assertThat(badFields("cursor", "")).containsExactly("cursor");
  }

  @Test
  void anyText_isAccepted() {
    assertThat(read("q", "\"(english AND NOT*~ \u202Eإنجليزي 🙂").text()).isNotBlank();
    assertThat(read("q", "x".repeat(20_000)).text()).hasSize(10_000);
  }
}
