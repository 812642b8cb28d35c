package org.signpost.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param nextCursor opaque cursor for the next page, or null on the last page
 * @param didYouMean a respelling of the text that the index knows, when few results came back
 * @param recovery what would have matched, when nothing did; null otherwise
 */
public record SearchHits(
    long total,
    List<Hit> hits,
    Map<String, Map<String, Long>> facets,
    String nextCursor,
    String didYouMean,
    Recovery recovery) {

  public SearchHits {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  public SearchHits(
      long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String nextCursor) {
    this(total, hits, facets, nextCursor, null, null);
  }

  /** The same page with other hits, for pinning crisis services first. */
  public SearchHits withHits(List<Hit> newHits) {
    return new SearchHits(total, newHits, facets, nextCursor, didYouMean, recovery);
  }

  /**
   * One result: what a results list shows, read from stored fields.
   *
   * @param distanceKm distance to the nearest location, or null without a query point or location
   * @param placeBound false for listings with no location (online or phone only)
   * @param why the reasons it matched: terms, needs, filters and distance
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
      float score,
      boolean placeBound,
      boolean crisis,
      List<String> why) {
    public Hit {
      why = List.copyOf(why);
    }
  }

  /**
   * Counts of what would match if the search were loosened, each one step at a time.
   *
   * @param widerRadiusKm the wider radius tried, or null without a radius
   * @param widerRadiusCount matches within it
   * @param onlineCount matches delivered online or by phone, anywhere
   * @param withoutFilter the filter whose removal brings back the most results, or null
   * @param withoutFilterCount matches without it
   * @param spelling a respelling of the text, or null
   */
  public record Recovery(
      Double widerRadiusKm,
      long widerRadiusCount,
      long onlineCount,
      String withoutFilter,
      long withoutFilterCount,
      String spelling) {}
}
