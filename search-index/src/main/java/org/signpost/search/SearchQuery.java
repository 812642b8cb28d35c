package org.signpost.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A validated search over the index. Text is free-form user input and never parsed as query syntax.
 *
 * @param point the searcher's location, if any; with it results carry a distance
 * @param radiusKm only used with a point; null means no radius filter
 * @param cursor an opaque cursor from a previous page, or null for the first page
 * @param sort how to order results; distance needs a point
 * @param today the date staleness is measured against (injected so tests can fix it)
 */
public record SearchQuery(
    String text,
    SearchFilters filters,
    GeoPoint point,
    Double radiusKm,
    SortOrder sort,
    int limit,
    String cursor,
    LocalDate today) {

  public static final int MAX_LIMIT = 100;

  public SearchQuery {
    text = text == null ? "" : text;
    filters = filters == null ? SearchFilters.NONE : filters;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
    if (radiusKm != null && point == null) {
      throw new IllegalArgumentException("radiusKm needs a point");
    }
    if (sort == SortOrder.DISTANCE && point == null) {
      throw new IllegalArgumentException("sorting by distance needs a point");
    }
  }

  /** The walking-skeleton shape: text, categories, place and paging. */
  public SearchQuery(
      String text,
      List<String> categories,
      GeoPoint point,
      Double radiusKm,
      int limit,
      String cursor) {
    this(
        text,
        SearchFilters.NONE.withCategories(categories),
        point,
        radiusKm,
        point != null && (text == null || text.isBlank())
            ? SortOrder.DISTANCE
            : SortOrder.RELEVANCE,
        limit,
        cursor,
        null);
  }

  public Optional<GeoPoint> location() {
    return Optional.ofNullable(point);
  }

  public SearchQuery withText(String newText) {
    return new SearchQuery(newText, filters, point, radiusKm, sort, limit, cursor, today);
  }

  public SearchQuery withFilters(SearchFilters newFilters) {
    return new SearchQuery(text, newFilters, point, radiusKm, sort, limit, cursor, today);
  }

  public SearchQuery withPlace(GeoPoint newPoint, Double newRadiusKm) {
    SortOrder newSort = newPoint == null && sort == SortOrder.DISTANCE ? SortOrder.RELEVANCE : sort;
    return new SearchQuery(text, filters, newPoint, newRadiusKm, newSort, limit, cursor, today);
  }

  public SearchQuery withCursor(String newCursor) {
    return new SearchQuery(text, filters, point, radiusKm, sort, limit, newCursor, today);
  }

  public SearchQuery firstPage(int newLimit) {
    return new SearchQuery(text, filters, point, radiusKm, sort, newLimit, null, today);
  }

  /** Result orders. */
  public enum SortOrder {
    RELEVANCE,
    DISTANCE,
    NEXT_SESSION
  }
}
