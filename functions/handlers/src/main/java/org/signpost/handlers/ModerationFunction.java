package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ModerationService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for the admin moderation queue: review, approve and reject. */
public final class ModerationFunction extends HttpFunction {

  public ModerationFunction() {
    this(Wiring.shared().moderationService, Wiring.shared().identity);
  }

  ModerationFunction(ModerationService service, Identity identity) {
    super(
        Map.of(
            "GET /api/moderation/queue", request -> queue(service, request),
            "POST /api/listings/{id}/approve", request -> approve(service, request),
            "POST /api/listings/{id}/reject", request -> reject(service, request)),
        identity);
  }

  private static ApiResponse queue(ModerationService service, ApiRequest request) {
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (ModerationService.QueueItem item : service.queue(Caller.required(request.caller()))) {
      ObjectNode node = items.addObject();
      node.put("kind", item.kind());
      node.set("listing", ListingJson.of(item.listing(), true));
      node.set("changes", Json.MAPPER.valueToTree(item.changes()));
    }
    return ApiResponse.json(200, Json.write(Map.of("items", items)));
  }

  private static ApiResponse approve(ModerationService service, ApiRequest request) {
    Listing approved =
        service.approve(
            Caller.required(request.caller()),
            request.pathParameter("id"),
            IfMatch.optional(request));
    return ListingJson.response(200, approved, true);
  }

  private static ApiResponse reject(ModerationService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    JsonNode body = Json.read(request.body(), JsonNode.class);
    Listing rejected =
        service.reject(
            caller,
            request.pathParameter("id"),
            IfMatch.optional(request),
            body.path("reason").isTextual() ? body.get("reason").asText() : null);
    return ListingJson.response(200, rejected, true);
  }
}
