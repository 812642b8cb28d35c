package org.signpost.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.search.SearchResult;
import org.signpost.handlers.http.Json;
import org.signpost.search.SearchHits;

/** Renders a search answer as the API's JSON. Stateless. */
final class SearchJson {
  private SearchJson() {}

  static String write(SearchResult result) {
    SearchHits hits = result.hits();
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (result.crisis()) {
      ObjectNode crisis = body.putObject("crisis");
      crisis.put(
          "message",
          "If you are thinking about harming yourself or you are in danger, help is available now.");
      ArrayNode routes = crisis.putArray("routes");
      for (CrisisRoutes.Route route : result.crisisRoutes()) {
        routes
            .addObject()
            .put("name", route.name())
            .put("contact", route.contact())
            .put("detail", route.detail());
      }
    } else {
      body.putNull("crisis");
    }
    ArrayNode results = body.putArray("results");
    for (SearchHits.Hit hit : hits.hits()) {
      ObjectNode out = results.addObject();
      out.put("id", hit.id());
      out.put("name", hit.name());
      out.put("summary", hit.summary());
      out.put("kind", hit.kind());
      out.putObject("organisation")
          .put("id", hit.organisationId())
          .put("name", hit.organisationName());
      out.put("distance_km", hit.distanceKm());
      out.put("place_bound", hit.placeBound());
      out.put("verified_at", hit.verifiedAt());
      out.put("next_session", hit.nextSession());
      out.put("crisis", hit.crisis());
      ArrayNode why = out.putArray("why");
      hit.why().forEach(why::add);
    }
    body.put("total", hits.total());
    // Says whether meaning took part: false while the embedding model loads, or without text.
    body.put("semantic", result.semantic());
    // True when the index answered while its catch-up with the store was failing.
    body.put("stale", result.stale());
    body.set("facets", Json.MAPPER.valueToTree(hits.facets()));
    body.put("next_cursor", hits.nextCursor());
    body.put("did_you_mean", hits.didYouMean());
    SearchHits.Recovery recovery = hits.recovery();
    if (recovery == null) {
      body.putNull("recovery");
    } else {
      ObjectNode r = body.putObject("recovery");
      if (recovery.widerRadiusKm() != null) {
        r.putObject("wider_radius")
            .put("radius_km", recovery.widerRadiusKm())
            .put("count", recovery.widerRadiusCount());
      } else {
        r.putNull("wider_radius");
      }
      r.put("online_count", recovery.onlineCount());
      if (recovery.withoutFilter() != null) {
        r.putObject("without_filter")
            .put("parameter", recovery.withoutFilter())
            .put("count", recovery.withoutFilterCount());
      } else {
        r.putNull("without_filter");
      }
      r.put("spelling", recovery.spelling());
    }
    return Json.write(body);
  }
}
