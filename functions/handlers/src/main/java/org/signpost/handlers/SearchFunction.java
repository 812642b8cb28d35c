package org.signpost.handlers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.SnapStartHooks;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for search, autocomplete and the readiness probe; holds the environment's index.
 */
public final class SearchFunction extends HttpFunction {
  /** Built at class init, so SnapStart snapshots a ready index. */
  private static volatile SearchService environmentIndex;

  public SearchFunction() {
    this(environmentIndex(), Wiring.shared().searchParams);
  }

  /** With outward-code centroids only and the system clock, for tests without a postcode table. */
  SearchFunction(SearchService search) {
    this(search, new SearchParams(OutcodeGeocoder.bundled(), Clock.systemUTC()));
  }

  SearchFunction(SearchService search, SearchParams params) {
    super(
        Map.of(
            "GET /api/search", request -> search(search, params, request),
            "GET /api/suggest", request -> suggest(search, request),
            "GET /health", request -> health(search)));
  }

  private static synchronized SearchService environmentIndex() {
    if (environmentIndex == null) {
      environmentIndex = Wiring.shared().newSearchService();
      SnapStartHooks.register(environmentIndex, Wiring.shared().searchParams);
    }
    return environmentIndex;
  }

  private static ApiResponse search(SearchService search, SearchParams params, ApiRequest request) {
    return ApiResponse.json(200, SearchJson.write(Searches.find(search, params, request.query())));
  }

  private static ApiResponse suggest(SearchService search, ApiRequest request) {
    List<String> prefix = request.query().getOrDefault("prefix", List.of());
    if (prefix.isEmpty() || prefix.get(0).isBlank()) {
      throw SignpostException.Invalid.of("prefix", "give the start of a word to complete");
    }
    String typed = prefix.get(0).length() > 100 ? prefix.get(0).substring(0, 100) : prefix.get(0);
    var body = Json.MAPPER.createObjectNode();
    var completions = body.putArray("suggestions");
    search.suggest(typed).forEach(completions::add);
    return ApiResponse.json(200, Json.write(body));
  }

  private static ApiResponse health(SearchService search) {
    if (!search.ready()) {
      throw new SignpostException.Unavailable("the search index is still loading");
    }
    var body = Json.MAPPER.createObjectNode().put("status", "ok").put("listings", search.size());
    body.put("semantic_search", search.semantic());
    if (!search.semantic() && Config.embeddingsEnabled()) {
      body.putArray("warnings")
          .add(
              "the embedding model is still loading or failed to load: search is answering by keywords only");
    }
    return ApiResponse.json(200, Json.write(body));
  }
}
