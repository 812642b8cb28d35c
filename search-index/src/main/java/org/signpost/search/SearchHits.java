package org.signpost.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param nextCursor opaque cursor for the next page, or null on the last page
 */
public record SearchHits(
    long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String nextCursor) {

  public SearchHits {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /**
   * One result: what a results list shows, read from stored fields.
   *
   * @param distanceKm distance to the nearest location, or null without a query point or location
   */
  public record Hit(
      String id,
      String name,
      String summary,
      String kind,
      String organisationId,
      String organisationName,
      Double distanceKm,
      String verifiedAt,
      String nextSession,
      float score) {}
}
