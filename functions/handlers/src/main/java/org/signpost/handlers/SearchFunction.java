package org.signpost.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.search.InvalidCursorException;
import org.signpost.search.SearchHits;

/** Lambda handler for search and the readiness probe; holds the environment's index. */
public final class SearchFunction extends HttpFunction {
  /** Built at class init, so SnapStart snapshots a ready index. */
  private static volatile SearchService environmentIndex;

  public SearchFunction() {
    this(environmentIndex());
  }

  SearchFunction(SearchService search) {
    super(
        Map.of(
            "GET /api/search", request -> search(search, request),
            "GET /health", request -> health(search)));
  }

  private static synchronized SearchService environmentIndex() {
    if (environmentIndex == null) {
      environmentIndex = Wiring.shared().newSearchService();
    }
    return environmentIndex;
  }

  private static ApiResponse search(SearchService search, ApiRequest request) {
    SearchHits hits;
    try {
      hits = search.search(SearchParams.parse(request.query()));
    } catch (InvalidCursorException e) {
      throw SignpostException.Invalid.of("cursor", e.getMessage());
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode results = body.putArray("results");
    for (SearchHits.Hit hit : hits.hits()) {
      ObjectNode result = results.addObject();
      result.put("id", hit.id());
      result.put("name", hit.name());
      result.put("summary", hit.summary());
      result.put("kind", hit.kind());
      result
          .putObject("organisation")
          .put("id", hit.organisationId())
          .put("name", hit.organisationName());
      result.put("distance_km", hit.distanceKm());
      result.put("verified_at", hit.verifiedAt());
      result.put("next_session", hit.nextSession());
    }
    body.put("total", hits.total());
    body.set("facets", Json.MAPPER.valueToTree(hits.facets()));
    body.put("next_cursor", hits.nextCursor());
    return ApiResponse.json(200, Json.write(body));
  }

  private static ApiResponse health(SearchService search) {
    if (!search.ready()) {
      throw new SignpostException.Unavailable("the search index is still loading");
    }
    ObjectNode body =
        Json.MAPPER.createObjectNode().put("status", "ok").put("listings", search.size());
    return ApiResponse.json(200, Json.write(body));
  }
}
