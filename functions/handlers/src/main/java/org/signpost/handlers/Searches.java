package org.signpost.handlers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.Places;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchResult;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.search.InvalidCursorException;
import org.signpost.search.SearchQuery;

/**
 * The one way from query-string parameters to a search answer, shared by {@code /api/search} and
 * the public page, so both get the same validation, limits, filters and crisis pinning.
 */
public final class Searches {
  private Searches() {}

  /**
   * Parses, searches, and counts the search in {@code unmet} when it found little (by month, the
   * outward code of {@code near} and the needs it filtered on; never its text).
   *
   * @throws SignpostException.Invalid naming each bad parameter, or {@code cursor} when stale
   */
  public static SearchResult find(
      SearchService search,
      SearchParams params,
      UnmetNeedTally unmet,
      Map<String, List<String>> query) {
    SearchQuery parsed = params.read(query);
    SearchResult result;
    try {
      result = search.find(parsed);
    } catch (InvalidCursorException e) {
      throw SignpostException.Invalid.of("cursor", e.getMessage());
    }
    List<String> near = query.getOrDefault("near", List.of());
    unmet.record(
        parsed,
        near.isEmpty() ? Optional.empty() : Places.outwardCode(near.get(0)),
        result.hits().total());
    return result;
  }
}
