package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for creating, reading, editing, verifying and archiving listings. */
public final class ListingsFunction extends HttpFunction {

  public ListingsFunction() {
    this(Wiring.shared().listingService, Wiring.shared().identity);
  }

  ListingsFunction(ListingService service, Identity identity) {
    super(
        Map.of(
            "POST /api/listings", request -> create(service, request),
            "GET /api/listings/{id}", request -> get(service, request),
            "PUT /api/listings/{id}", request -> update(service, request),
            "DELETE /api/listings/{id}", request -> archive(service, request),
            "POST /api/listings/{id}/submit", request -> submit(service, request),
            "POST /api/listings/{id}/verify", request -> verify(service, request),
            "GET /api/listings/{id}/history", request -> history(service, request),
            "GET /api/my/listings", request -> mine(service, request),
            "GET /api/openapi.yaml", request -> OpenApi.response()),
        identity);
  }

  private static ApiResponse create(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    JsonNode raw = Json.read(request.body(), JsonNode.class);
    Optional<String> org =
        Optional.ofNullable(raw.isObject() ? raw.get("organisation_id") : null)
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText);
    Listing created =
        service.create(
            caller, org, Json.read(request.body(), ListingContent.class), draft(request));
    return ListingJson.response(201, created, true)
        .withHeader("Location", "/api/listings/" + created.id());
  }

  private static ApiResponse get(ListingService service, ApiRequest request) {
    Listing listing = service.get(request.pathParameter("id"), request.caller());
    boolean privileged =
        request.caller().map(c -> c.actsFor(listing.organisationId())).orElse(false);
    return ListingJson.response(200, listing, privileged);
  }

  private static ApiResponse update(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    Listing updated =
        service.update(
            caller,
            request.pathParameter("id"),
            Json.read(request.body(), ListingContent.class),
            IfMatch.required(request),
            draft(request));
    return ListingJson.response(200, updated, true);
  }

  private static ApiResponse archive(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    Listing archived =
        service.archive(caller, request.pathParameter("id"), IfMatch.optional(request));
    return ListingJson.response(200, archived, true);
  }

  private static ApiResponse submit(ListingService service, ApiRequest request) {
    Listing submitted =
        service.submit(
            Caller.required(request.caller()),
            request.pathParameter("id"),
            IfMatch.required(request));
    return ListingJson.response(200, submitted, true);
  }

  private static ApiResponse verify(ListingService service, ApiRequest request) {
    Listing verified =
        service.verify(Caller.required(request.caller()), request.pathParameter("id"));
    return ListingJson.response(200, verified, true);
  }

  private static ApiResponse history(ListingService service, ApiRequest request) {
    var revisions = service.history(Caller.required(request.caller()), request.pathParameter("id"));
    return ApiResponse.json(200, Json.write(Map.of("revisions", revisions)));
  }

  private static ApiResponse mine(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    caller.require(Role.PROVIDER, Role.ADMIN);
    List<String> asked = request.query().getOrDefault("organisation_id", List.of());
    String org =
        asked.isEmpty()
            ? caller
                .organisationId()
                .orElseThrow(
                    () ->
                        SignpostException.Invalid.of(
                            "organisation_id", "name the organisation whose listings you want"))
            : asked.get(0);
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Listing listing : service.ofOrganisation(caller, org)) {
      out.add(ListingJson.of(listing, true));
    }
    return ApiResponse.json(200, Json.write(Map.of("listings", out)));
  }

  private static boolean draft(ApiRequest request) {
    return request.query().getOrDefault("draft", List.of()).contains("true");
  }
}
