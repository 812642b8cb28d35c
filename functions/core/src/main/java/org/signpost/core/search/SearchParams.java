package org.signpost.core.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.geo.Places;
import org.signpost.core.listing.NextSession;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.time.Clocks;
import org.signpost.search.GeoPoint;
import org.signpost.search.SearchFilters;
import org.signpost.search.SearchQuery;

/**
 * Turns raw query-string parameters into a validated {@link SearchQuery}, naming every bad
 * parameter. Thread-safe: it holds only its geocoder and clock.
 */
public final class SearchParams {
  public static final int DEFAULT_LIMIT = 20;
  public static final double MAX_RADIUS_KM = 200;
  public static final int MAX_AGE = 120;
  static final int MAX_QUERY_CHARS = 10_000;

  private static final Set<String> KNOWN =
      Set.of(
          "q",
          "need",
          "category",
          "near",
          "lat",
          "lon",
          "radius_km",
          "free",
          "cost",
          "day",
          "time_from",
          "time_to",
          "open_now",
          "language",
          "accessibility",
          "age",
          "women_only",
          "men_only",
          "delivery",
          "kind",
          "sort",
          "limit",
          "cursor");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  private final Places places;
  private final Clock clock;

  public SearchParams(Geocoder geocoder, Clock clock) {
    this.places = new Places(geocoder);
    this.clock = clock;
  }

  /** Parses with the bundled outward-code centroids and the system clock. */
  public static SearchQuery parse(Map<String, List<String>> params) {
    return Defaults.PARAMS.read(params);
  }

  /** Built on first use, so the centroid table is read once. */
  private static final class Defaults {
    static final SearchParams PARAMS =
        new SearchParams(OutcodeGeocoder.bundled(), Clock.systemUTC());
  }

  public SearchQuery read(Map<String, List<String>> params) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : params.keySet()) {
      if (name.isBlank()) {
        errors.add(new FieldError("query", "every parameter needs a name, as in name=value"));
      } else if (!KNOWN.contains(name)) {
        errors.add(new FieldError(name, "unknown parameter"));
      }
    }
    String q = first(params, "q");
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      q = q.substring(0, MAX_QUERY_CHARS);
    }
    List<String> needs = values(params, "need", Set.copyOf(Vocabulary.NEEDS), "need", errors);
    List<String> categories = values(params, "category", Vocabulary.CATEGORIES, "category", errors);
    List<String> costs = values(params, "cost", Vocabulary.COST_TYPES, "cost type", errors);
    List<String> languages = values(params, "language", LANGUAGES, "ISO 639-1 language", errors);
    List<String> access =
        values(params, "accessibility", Vocabulary.ACCESSIBILITY, "accessibility feature", errors);
    List<String> delivery = values(params, "delivery", Vocabulary.DELIVERY, "delivery", errors);
    List<String> kinds = values(params, "kind", Vocabulary.KINDS, "kind", errors);
    Boolean free = bool(params, "free", errors);
    Boolean openNow = bool(params, "open_now", errors);
    Boolean womenOnly = bool(params, "women_only", errors);
    Boolean menOnly = bool(params, "men_only", errors);
    Double age = number(params, "age", 0, MAX_AGE, errors);
    if (age != null && age != Math.floor(age)) {
      errors.add(new FieldError("age", "must be a whole number of years"));
    }
    Integer day = day(params, errors);
    Integer from = time(params, "time_from", errors);
    Integer to = time(params, "time_to", errors);
    if ((from != null || to != null) && day == null && noErrorsFor(errors, "day")) {
      errors.add(new FieldError(from != null ? "time_from" : "time_to", "needs a day"));
    }
    if (from != null && to != null && from >= to) {
      errors.add(new FieldError("time_to", "must be after time_from"));
    }
    GeoPoint point = point(params, errors);
    Double radius = number(params, "radius_km", 0, MAX_RADIUS_KM, errors);
    if (radius != null && radius == 0) {
      errors.add(new FieldError("radius_km", "must be above 0"));
      radius = null;
    }
    if (radius != null && point == null && noErrorsFor(errors, "lat", "lon", "near")) {
      errors.add(new FieldError("radius_km", "needs a location (near, or lat and lon)"));
    }
    SearchQuery.SortOrder sort = sort(params, point, errors);
    Double limit = number(params, "limit", 1, SearchQuery.MAX_LIMIT, errors);
    if (limit != null && limit != Math.floor(limit)) {
      errors.add(new FieldError("limit", "must be a whole number"));
    }
    String cursor = first(params, "cursor");
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 2000)) {
      errors.add(new FieldError("cursor", "is malformed"));
    }
    if (!errors.isEmpty()) {
      throw new SignpostException.Invalid("search parameters are invalid", errors);
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(Clocks.LONDON));
    SearchFilters filters =
        new SearchFilters(
            needs,
            categories,
            free,
            costs,
            languages,
            access,
            age == null ? null : age.intValue(),
            Boolean.TRUE.equals(womenOnly),
            Boolean.TRUE.equals(menOnly),
            delivery,
            kinds,
            day,
            from,
            to,
            Boolean.TRUE.equals(openNow) ? now : null,
            false);
    return new SearchQuery(
        q,
        filters,
        point,
        point == null ? null : radius,
        sort,
        limit == null ? DEFAULT_LIMIT : limit.intValue(),
        cursor,
        LocalDate.from(now));
  }

  private GeoPoint point(Map<String, List<String>> params, List<FieldError> errors) {
    Double lat = number(params, "lat", -90, 90, errors);
    Double lon = number(params, "lon", -180, 180, errors);
    if ((lat == null) != (lon == null) && noErrorsFor(errors, "lat", "lon")) {
      errors.add(new FieldError(lat == null ? "lat" : "lon", "give both lat and lon, or neither"));
    }
    String near = first(params, "near");
    if (near != null && (lat != null || lon != null)) {
      errors.add(new FieldError("near", "give near, or lat and lon, not both"));
      return null;
    }
    if (near != null) {
      try {
        return places.resolve(near.length() > 100 ? near.substring(0, 100) : near);
      } catch (SignpostException.Invalid e) {
        errors.addAll(e.errors());
        return null;
      }
    }
    return lat == null || lon == null ? null : new GeoPoint(lat, lon);
  }

  private static SearchQuery.SortOrder sort(
      Map<String, List<String>> params, GeoPoint point, List<FieldError> errors) {
    String raw = first(params, "sort");
    if (raw == null) {
      return SearchQuery.SortOrder.RELEVANCE;
    }
    SearchQuery.SortOrder order =
        switch (raw) {
          case "relevance" -> SearchQuery.SortOrder.RELEVANCE;
          case "distance" -> SearchQuery.SortOrder.DISTANCE;
          case "next_session" -> SearchQuery.SortOrder.NEXT_SESSION;
          default -> null;
        };
    if (order == null) {
      errors.add(new FieldError("sort", "must be relevance, distance or next_session"));
      return SearchQuery.SortOrder.RELEVANCE;
    }
    if (order == SearchQuery.SortOrder.DISTANCE && point == null) {
      if (noErrorsFor(errors, "near", "lat", "lon")) {
        errors.add(new FieldError("sort", "distance needs a location (near, or lat and lon)"));
      }
      return SearchQuery.SortOrder.RELEVANCE;
    }
    return order;
  }

  private static Integer day(Map<String, List<String>> params, List<FieldError> errors) {
    String raw = first(params, "day");
    if (raw == null) {
      return null;
    }
    if (!Vocabulary.DAYS.contains(raw)) {
      errors.add(new FieldError("day", "must be one of mon, tue, wed, thu, fri, sat, sun"));
      return null;
    }
    return NextSession.dayOf(raw).getValue();
  }

  private static Integer time(
      Map<String, List<String>> params, String name, List<FieldError> errors) {
    String raw = first(params, name);
    if (raw == null) {
      return null;
    }
    try {
      if (!raw.matches("\\d{2}:\\d{2}")) {
        throw new DateTimeParseException("not HH:MM", raw, 0);
      }
      LocalTime time = LocalTime.parse(raw);
      return time.getHour() * 60 + time.getMinute();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be a time as HH:MM, such as 09:30"));
      return null;
    }
  }

  private static Boolean bool(
      Map<String, List<String>> params, String name, List<FieldError> errors) {
    String raw = first(params, name);
    if (raw == null) {
      return null;
    }
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new FieldError(name, "must be true or false"));
        yield null;
      }
    };
  }

  private static List<String> values(
      Map<String, List<String>> params,
      String name,
      Set<String> allowed,
      String what,
      List<FieldError> errors) {
    List<String> values = params.getOrDefault(name, List.of());
    List<String> out = new ArrayList<>();
    for (String value : values) {
      if (allowed.contains(value)) {
        if (!out.contains(value)) {
          out.add(value);
        }
      } else {
        errors.add(new FieldError(name, "unknown " + what + " '" + clip(value) + "'"));
      }
    }
    return out;
  }

  private static boolean noErrorsFor(List<FieldError> errors, String... fields) {
    return errors.stream().noneMatch(e -> Set.of(fields).contains(e.field()));
  }

  private static Double number(
      Map<String, List<String>> params,
      String name,
      double min,
      double max,
      List<FieldError> errors) {
    String raw = first(params, name);
    if (raw == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (Double.isNaN(value) || value < min || value > max) {
        errors.add(new FieldError(name, "must be between " + min + " and " + max));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a number, not '" + clip(raw) + "'"));
      return null;
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
