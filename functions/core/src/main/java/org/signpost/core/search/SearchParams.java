package org.signpost.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Vocabulary;
import org.signpost.search.GeoPoint;
import org.signpost.search.SearchQuery;

/**
 * Turns raw query-string parameters into a validated {@link SearchQuery}, naming every bad
 * parameter. Stateless.
 */
public final class SearchParams {
  public static final int DEFAULT_LIMIT = 20;
  public static final double MAX_RADIUS_KM = 200;
  static final int MAX_QUERY_CHARS = 10_000;

  private static final Set<String> KNOWN =
      Set.of("q", "category", "lat", "lon", "radius_km", "limit", "cursor");

  private SearchParams() {}

  public static SearchQuery parse(Map<String, List<String>> params) {
    List<FieldError> errors = new ArrayList<>();
    String q = first(params, "q");
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      q = q.substring(0, MAX_QUERY_CHARS);
    }
    List<String> categories = params.getOrDefault("category", List.of());
    for (String category : categories) {
      if (!Vocabulary.CATEGORIES.contains(category)) {
        errors.add(new FieldError("category", "unknown category '" + clip(category) + "'"));
      }
    }
    Double lat = number(params, "lat", -90, 90, errors);
    Double lon = number(params, "lon", -180, 180, errors);
    if ((lat == null) != (lon == null) && errorsFor(errors, "lat", "lon")) {
      errors.add(new FieldError(lat == null ? "lat" : "lon", "give both lat and lon, or neither"));
    }
    Double radius = number(params, "radius_km", Double.MIN_VALUE, MAX_RADIUS_KM, errors);
    if (radius != null && radius <= 0) {
      errors.add(new FieldError("radius_km", "must be above 0"));
    }
    if (radius != null && (lat == null || lon == null) && errorsFor(errors, "radius_km")) {
      errors.add(new FieldError("radius_km", "needs a location (lat and lon)"));
    }
    Double limit = number(params, "limit", 1, SearchQuery.MAX_LIMIT, errors);
    if (limit != null && limit != Math.floor(limit)) {
      errors.add(new FieldError("limit", "must be a whole number"));
    }
    String cursor = first(params, "cursor");
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 2000)) {
      errors.add(new FieldError("cursor", "is malformed"));
    }
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        errors.add(new FieldError(name, "unknown parameter"));
      }
    }
    if (!errors.isEmpty()) {
      throw new SignpostException.Invalid("search parameters are invalid", errors);
    }
    GeoPoint point = lat == null || lon == null ? null : new GeoPoint(lat, lon);
    return new SearchQuery(
        q, categories, point, radius, limit == null ? DEFAULT_LIMIT : limit.intValue(), cursor);
  }

  private static boolean errorsFor(List<FieldError> errors, String... fields) {
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
