package org.signpost.search;

import java.util.List;
import java.util.Optional;

/**
 * A validated search over the index. Text is free-form user input and never parsed as query syntax.
 *
 * @param point the searcher's location, if any; with it results carry a distance
 * @param radiusKm only used with a point; null means no radius filter
 * @param cursor an opaque cursor from a previous page, or null for the first page
 */
public record SearchQuery(
    String text,
    List<String> categories,
    GeoPoint point,
    Double radiusKm,
    int limit,
    String cursor) {

  public static final int MAX_LIMIT = 100;

  public SearchQuery {
    text = text == null ? "" : text;
    categories = List.copyOf(categories == null ? List.of() : categories);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
    if (radiusKm != null && point == null) {
      throw new IllegalArgumentException("radiusKm needs a point");
    }
  }

  public Optional<GeoPoint> location() {
    return Optional.ofNullable(point);
  }
}
