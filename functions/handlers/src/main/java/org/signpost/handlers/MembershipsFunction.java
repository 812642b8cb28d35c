package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.MembershipService;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for the memberships admins keep: who is a provider of which organisation. */
public final class MembershipsFunction extends HttpFunction {

  public MembershipsFunction() {
    this(Wiring.shared().membershipService, Wiring.shared().organisationService);
  }

  MembershipsFunction(MembershipService memberships, OrganisationService organisations) {
    super(
        Map.of(
            "GET /api/admin/memberships", request -> list(memberships, request),
            "PUT /api/admin/memberships/{sub}", request -> put(memberships, organisations, request),
            "DELETE /api/admin/memberships/{sub}", request -> delete(memberships, request)),
        // An admin API: bearer tokens through the HTTP API authoriser only, never the cookie.
        new Identity(memberships, Optional.empty()));
  }

  private static ApiResponse list(MembershipService memberships, ApiRequest request) {
    var all = memberships.all(Caller.required(request.caller()));
    return ApiResponse.json(
            200,
            Json.write(Map.of("memberships", all.stream().map(MembershipsFunction::json).toList())))
        .withHeader("Cache-Control", "no-store");
  }

  private static ApiResponse put(
      MembershipService memberships, OrganisationService organisations, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    caller.require(Role.ADMIN);
    JsonNode body = Json.read(request.body(), JsonNode.class);
    Role role =
        Optional.ofNullable(body == null ? null : body.get("role"))
            .filter(JsonNode::isTextual)
            .flatMap(node -> Role.parse(node.asText()))
            .orElseThrow(
                () -> SignpostException.Invalid.of("role", "admin, prescriber or provider"));
    JsonNode org = body.get("organisation_id");
    if (org != null && !org.isNull() && !org.isTextual()) {
      throw SignpostException.Invalid.of("organisation_id", "must be text");
    }
    Optional<String> organisationId =
        Optional.ofNullable(org == null || org.isNull() ? null : org.asText());
    if (role != Role.PROVIDER && organisationId.isPresent()) {
      throw SignpostException.Invalid.of(
          "organisation_id", "only a provider belongs to an organisation");
    }
    Membership wanted = new Membership(request.pathParameter("sub"), role, organisationId);
    if (organisationId.isPresent() && organisations.find(organisationId.get()).isEmpty()) {
      throw SignpostException.Invalid.of(
          "organisation_id", "no organisation with id " + organisationId.get());
    }
    return ApiResponse.json(200, Json.write(json(memberships.grant(caller, wanted))))
        .withHeader("Cache-Control", "no-store");
  }

  private static ApiResponse delete(MembershipService memberships, ApiRequest request) {
    memberships.revoke(Caller.required(request.caller()), request.pathParameter("sub"));
    return new ApiResponse(204, Map.of(), "");
  }

  private static ObjectNode json(Membership membership) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("sub", membership.subject());
    node.put("role", membership.role().groupName());
    membership.organisationId().ifPresent(org -> node.put("organisation_id", org));
    return node;
  }
}
