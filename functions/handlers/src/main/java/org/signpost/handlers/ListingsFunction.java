package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.auth.Caller;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for creating, reading, editing and archiving listings. */
public final class ListingsFunction extends HttpFunction {

  public ListingsFunction() {
    this(Wiring.shared().listingService);
  }

  ListingsFunction(ListingService service) {
    super(
        Map.of(
            "POST /api/listings", request -> create(service, request),
            "GET /api/listings/{id}", request -> get(service, request),
            "PUT /api/listings/{id}", request -> update(service, request),
            "DELETE /api/listings/{id}", request -> archive(service, request)));
  }

  private static ApiResponse create(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    JsonNode raw = Json.read(request.body(), JsonNode.class);
    Optional<String> org =
        Optional.ofNullable(raw.isObject() ? raw.get("organisation_id") : null)
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText);
    Listing created = service.create(caller, org, Json.read(request.body(), ListingContent.class));
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
            request.header("if-match").orElse(null));
    return ListingJson.response(200, updated, true);
  }

  private static ApiResponse archive(ListingService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    Listing archived =
        service.archive(caller, request.pathParameter("id"), request.header("if-match"));
    return ListingJson.response(200, archived, true);
  }
}
