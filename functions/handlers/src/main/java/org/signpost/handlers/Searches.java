package org.signpost.handlers;

import java.util.List;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchResult;
import org.signpost.core.search.SearchService;
import org.signpost.search.InvalidCursorException;

/**
 * The one way from query-string parameters to a search answer, shared by {@code /api/search} and
 * the public page, so both get the same validation, limits, filters and crisis pinning.
 */
public final class Searches {
  private Searches() {}

  /**
   * Parses the parameters as the API documents them and searches.
   *
   * @throws SignpostException.Invalid naming each bad parameter, or {@code cursor} when stale
   */
  public static SearchResult find(
      SearchService search, SearchParams params, Map<String, List<String>> query) {
    try {
      return search.find(params.read(query));
    } catch (InvalidCursorException e) {
      throw SignpostException.Invalid.of("cursor", e.getMessage());
    }
  }
}
