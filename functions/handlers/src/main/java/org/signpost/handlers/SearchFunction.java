package org.signpost.handlers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchResult;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.SnapStartHooks;
import org.signpost.handlers.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler for search, autocomplete and the readiness probe; holds the environment's index.
 */
public final class SearchFunction extends HttpFunction {
  private static final Logger LOG = LoggerFactory.getLogger(SearchFunction.class);

  /** Built at class init, so SnapStart snapshots a ready index. */
  private static volatile SearchService environmentIndex;

  public SearchFunction() {
    this(
        SearchFunction::environmentIndex, Wiring.shared().searchParams, Wiring.shared().unmetNeeds);
    try {
      environmentIndex();
    } catch (RuntimeException e) {
      // A cold start while the store is down: answer 503 until a request finds it back.
      LOG.warn("search index not built at start; retrying on the next request: {}", e.toString());
    }
  }

  /** With outward-code centroids only and the system clock, for tests without a postcode table. */
  SearchFunction(SearchService search) {
    this(search, new SearchParams(OutcodeGeocoder.bundled(), Clock.systemUTC()));
  }

  /** Without unmet-need counting. */
  SearchFunction(SearchService search, SearchParams params) {
    this(() -> search, params, UnmetNeedTally.none());
  }

  /**
   * @param index the environment's index; it throws while the index cannot be built, which makes
   *     every route, health included, a 503
   */
  SearchFunction(Supplier<SearchService> index, SearchParams params, UnmetNeedTally unmet) {
    super(routes(index, params, unmet));
  }

  /**
   * Search, autocomplete and readiness over an index; the pages function serves them too.
   *
   * @param unmet counts searches that found little
   */
  static Map<String, Function<ApiRequest, ApiResponse>> routes(
      Supplier<SearchService> index, SearchParams params, UnmetNeedTally unmet) {
    return Map.of(
        "GET /api/search", request -> search(index.get(), params, unmet, request),
        "GET /api/suggest", request -> suggest(index.get(), request),
        "GET /health", request -> health(index.get()));
  }

  /** The execution environment's one index, built (or opened from a snapshot) on first use. */
  static SearchService environmentIndex() {
    SearchService built = environmentIndex;
    return built != null ? built : buildEnvironmentIndex();
  }

  private static synchronized SearchService buildEnvironmentIndex() {
    if (environmentIndex == null) {
      environmentIndex = Wiring.shared().newSearchService();
      SnapStartHooks.register(environmentIndex, Wiring.shared().searchParams);
    }
    return environmentIndex;
  }

  private static ApiResponse search(
      SearchService search, SearchParams params, UnmetNeedTally unmet, ApiRequest request) {
    SearchResult result = Searches.find(search, params, unmet, request.query());
    ApiResponse response = ApiResponse.json(200, SearchJson.write(result));
    return result.stale() ? markStale(search, response) : response;
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
    return markIfStale(search, ApiResponse.json(200, Json.write(body)));
  }

  /**
   * Answers 200 while searches can be answered, "degraded" when the index cannot catch up with the
   * store, and 503 only when there is no index to answer from.
   */
  private static ApiResponse health(SearchService search) {
    if (!search.ready()) {
      throw new SignpostException.Unavailable("the search index is still loading");
    }
    SearchService.Health health = search.health();
    var body =
        Json.MAPPER
            .createObjectNode()
            .put("status", health.caughtUp() ? "ok" : "degraded")
            .put("listings", search.size())
            .put("store", health.caughtUp() ? "reachable" : "unreachable")
            .put("index_age_seconds", health.indexAge().toSeconds())
            .put("catch_up_failures", health.failures());
    body.put("semantic_search", search.semantic());
    if (!search.semantic() && Config.embeddingsEnabled()) {
      body.putArray("warnings")
          .add(
              "the embedding model is still loading or failed to load: search is answering by"
                  + " keywords only");
    }
    return ApiResponse.json(200, Json.write(body));
  }

  /** Tells clients, in standard headers, that an answer came from an index behind the store. */
  private static ApiResponse markIfStale(SearchService search, ApiResponse response) {
    return search.health().caughtUp() ? response : markStale(search, response);
  }

  private static ApiResponse markStale(SearchService search, ApiResponse response) {
    return response
        .withHeader("Warning", "110 - \"Response is Stale\"")
        .withHeader("Age", String.valueOf(search.health().indexAge().toSeconds()));
  }
}
