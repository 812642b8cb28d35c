package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for organisations: sign-up, public profile and admin review. */
public final class OrganisationsFunction extends HttpFunction {

  public OrganisationsFunction() {
    this(Wiring.shared().organisationService, Wiring.shared().identity);
  }

  OrganisationsFunction(OrganisationService service, Identity identity) {
    super(
        Map.of(
            "POST /api/organisations", request -> signUp(service, request),
            "GET /api/organisations", request -> list(service, request),
            "GET /api/organisations/{id}", request -> get(service, request),
            "PUT /api/organisations/{id}/review", request -> review(service, request)),
        identity);
  }

  private static ApiResponse signUp(OrganisationService service, ApiRequest request) {
    JsonNode body = Json.read(request.body(), JsonNode.class);
    Organisation created =
        service.signUp(
            Caller.required(request.caller()), text(body, "name"), text(body, "description"));
    return respond(201, created, true).withHeader("Location", "/api/organisations/" + created.id());
  }

  private static ApiResponse list(OrganisationService service, ApiRequest request) {
    var all = service.all(Caller.required(request.caller()));
    return ApiResponse.json(
        200, Json.write(Map.of("organisations", all.stream().map(o -> json(o, true)).toList())));
  }

  private static ApiResponse get(OrganisationService service, ApiRequest request) {
    String id = request.pathParameter("id");
    Organisation org =
        service.find(id).orElseThrow(() -> new SignpostException.NotFound("no organisation " + id));
    boolean privileged = request.caller().map(c -> c.actsFor(id)).orElse(false);
    if (!Organisation.APPROVED.equals(org.status()) && !privileged) {
      throw new SignpostException.NotFound("no organisation " + id);
    }
    return respond(200, org, privileged);
  }

  private static ApiResponse review(OrganisationService service, ApiRequest request) {
    JsonNode body = Json.read(request.body(), JsonNode.class);
    long version = IfMatch.required(request);
    if (!body.path("status").isTextual() || !body.path("trusted").isBoolean()) {
      throw new SignpostException.Invalid(
          "status and trusted are required",
          java.util.List.of(
              new org.signpost.core.errors.FieldError("status", "pending, approved or suspended"),
              new org.signpost.core.errors.FieldError("trusted", "true or false")));
    }
    Organisation updated =
        service.review(
            Caller.required(request.caller()),
            request.pathParameter("id"),
            body.get("status").asText(),
            body.get("trusted").asBoolean(),
            version);
    return respond(200, updated, true);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      throw SignpostException.Invalid.of(field, "must be text");
    }
    return value == null || value.isNull() ? null : value.asText();
  }

  private static ApiResponse respond(int status, Organisation org, boolean privileged) {
    return ApiResponse.json(status, Json.write(json(org, privileged)))
        .withHeader("ETag", "\"" + org.version() + "\"");
  }

  private static ObjectNode json(Organisation org, boolean privileged) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", org.id());
    node.put("name", org.name());
    node.put("description", org.description());
    node.put("status", org.status());
    if (privileged) {
      node.put("trusted", org.trusted());
      node.put("version", org.version());
    }
    return node;
  }
}
