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
 * @param vector the text's embedding as signed bytes for the semantic leg, or null for keywords
 *     only
 */
public record SearchQuery(
    String text,
    SearchFilters filters,
    GeoPoint point,
    Double radiusKm,
    SortOrder sort,
    int limit,
    String cursor,
    LocalDate today,
    byte[] vector) {

  public static final int MAX_LIMIT = 100;

  /** A keyword-only search. */
  public SearchQuery(
      String text,
      SearchFilters filters,
      GeoPoint point,
      Double radiusKm,
      SortOrder sort,
      int limit,
      String cursor,
      LocalDate today) {
    this(text, filters, point, radiusKm, sort, limit, cursor, today, null);
  }

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
    return new SearchQuery(newText, filters, point, radiusKm, sort, limit, cursor, today, null);
  }

  public SearchQuery withFilters(SearchFilters newFilters) {
    return new SearchQuery(text, newFilters, point, radiusKm, sort, limit, cursor, today, vector);
  }

  public SearchQuery withPlace(GeoPoint newPoint, Double newRadiusKm) {
    SortOrder newSort = newPoint == null && sort == SortOrder.DISTANCE ? SortOrder.RELEVANCE : sort;
    return new SearchQuery(
        text, filters, newPoint, newRadiusKm, newSort, limit, cursor, today, vector);
  }

  public SearchQuery withCursor(String newCursor) {
    return new SearchQuery(text, filters, point, radiusKm, sort, limit, newCursor, today, vector);
  }

  public SearchQuery firstPage(int newLimit) {
    return new SearchQuery(text, filters, point, radiusKm, sort, newLimit, null, today, vector);
  }

  /** The same search with the text's embedding, for the semantic leg. */
  public SearchQuery withVector(byte[] newVector) {
    return new SearchQuery(text, filters, point, radiusKm, sort, limit, cursor, today, newVector);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SearchQuery q
        && text.equals(q.text)
        && filters.equals(q.filters)
        && java.util.Objects.equals(point, q.point)
        && java.util.Objects.equals(radiusKm, q.radiusKm)
        && sort == q.sort
        && limit == q.limit
        && java.util.Objects.equals(cursor, q.cursor)
        && java.util.Objects.equals(today, q.today)
        && java.util.Arrays.equals(vector, q.vector);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        text,
        filters,
        point,
        radiusKm,
        sort,
        limit,
        cursor,
        today,
        java.util.Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "SearchQuery[text=" + text + ", filters=" + filters + ", sort=" + sort + "]";
  }

  /** Result orders. */
  public enum SortOrder {
    RELEVANCE,
    DISTANCE,
    NEXT_SESSION
  }
}
