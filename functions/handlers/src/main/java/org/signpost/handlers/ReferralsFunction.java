package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for the referral API: public self-referral, prescriber referral, reading, status
 * moves and erasure. Never logs bodies (they hold personal data).
 */
public final class ReferralsFunction extends HttpFunction {

  public ReferralsFunction() {
    this(Wiring.shared().referralService, Wiring.shared().identity);
  }

  ReferralsFunction(ReferralService service, Identity identity) {
    super(
        Map.of(
            "POST /api/referrals", request -> self(service, request),
            "POST /api/prescriber/referrals", request -> prescriber(service, request),
            "GET /api/referrals", request -> mine(service, request),
            "GET /api/referrals/{id}", request -> get(service, request),
            "POST /api/referrals/{id}/status", request -> move(service, request),
            "DELETE /api/referrals/{id}", request -> erase(service, request)),
        identity);
  }

  private static ApiResponse self(ReferralService service, ApiRequest request) {
    ReferralJson.Body body = Json.read(request.body(), ReferralJson.Body.class);
    return ReferralJson.submitted(
        service.submitSelf(
            body.toRequest(request.header("idempotency-key").orElse(null)), request.sourceIp()));
  }

  private static ApiResponse prescriber(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    ReferralJson.Body body = Json.read(request.body(), ReferralJson.Body.class);
    // The authoriser passes no email claim we can rely on; the sender resolves "user:<sub>".
    String email = null;
    return ReferralJson.submitted(
        service.submitForPrescriber(
            caller, body.toRequest(request.header("idempotency-key").orElse(null)), email));
  }

  private static ApiResponse mine(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode results = body.putArray("referrals");
    for (Referral r : service.mine(caller)) {
      results.add(ReferralJson.document(r));
    }
    return ApiResponse.json(200, Json.write(body)).withHeader("Cache-Control", "no-store");
  }

  private static ApiResponse get(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    return ReferralJson.one(200, service.get(caller, request.pathParameter("id")));
  }

  private static ApiResponse move(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    JsonNode body = Json.read(request.body(), JsonNode.class);
    Referral moved =
        service.move(
            caller,
            request.pathParameter("id"),
            body.path("status").asText(null),
            body.path("reason").asText(null),
            request.header("if-match").orElse(null));
    return ReferralJson.one(200, moved);
  }

  private static ApiResponse erase(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    service.erase(caller, request.pathParameter("id"));
    return new ApiResponse(204, Map.of(), "");
  }
}
