package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.signpost.core.auth.Caller;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.referral.GpSummary;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.report.Report;
import org.signpost.handlers.fhir.FhirExport;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.pages.AttendancePages;
import org.signpost.handlers.pages.CheckInPages;
import org.signpost.handlers.web.Web;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for the referral API: public self-referral, prescriber referral, reading, status
 * moves, erasure, and the receiving group's one-tap attendance page. Never logs bodies (they hold
 * personal data).
 */
public final class ReferralsFunction extends HttpFunction {

  public ReferralsFunction() {
    this(Wiring.shared());
  }

  ReferralsFunction(Wiring wiring) {
    this(wiring.referralService, wiring.web, wiring.identity);
  }

  ReferralsFunction(ReferralService service, Web web, Identity identity) {
    super(routes(service, web), identity);
  }

  private static Map<String, Function<ApiRequest, ApiResponse>> routes(
      ReferralService service, Web web) {
    AttendancePages attend = new AttendancePages(service.attendance());
    Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();
    routes.put("POST /api/referrals", request -> self(service, request));
    routes.put("POST /api/prescriber/referrals", request -> prescriber(service, request));
    routes.put("GET /api/referrals", request -> mine(service, request));
    routes.put("GET /api/referrals/{id}", request -> get(service, request));
    routes.put("GET /api/referrals/{id}/gp-summary", request -> gpSummary(service, request));
    routes.put("GET /api/referrals/{id}/fhir", request -> fhir(service, request));
    routes.put("POST /api/referrals/{id}/status", request -> move(service, request));
    routes.put("DELETE /api/referrals/{id}", request -> erase(service, request));
    // The group's one-tap attendance link: a page, so it renders HTML errors.
    routes.put("GET /attend/{token}", web.page(attend::view));
    routes.put("POST /attend/{token}", web.page(attend::answer));
    // The person's private wellbeing check-in at 6 and 12 weeks.
    CheckInPages checkIn = new CheckInPages(service.followUps());
    routes.put("GET /c/{token}", web.page(checkIn::view));
    routes.put("POST /c/{token}", web.page(checkIn::answer));
    return routes;
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
      results.add(ReferralJson.document(r, r.scoresVisibleTo(caller)));
    }
    return ApiResponse.json(200, Json.write(body)).withHeader("Cache-Control", "no-store");
  }

  private static ApiResponse get(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    Referral referral = service.get(caller, request.pathParameter("id"));
    return ReferralJson.one(200, referral, referral.scoresVisibleTo(caller));
  }

  /** The GP summary as plain text (default) or CSV of section, field and value. */
  private static ApiResponse gpSummary(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    java.util.List<String> format =
        request.query().getOrDefault("format", java.util.List.of("text"));
    if (format.size() != 1 || !java.util.List.of("text", "csv").contains(format.get(0))) {
      throw SignpostException.Invalid.of("format", "text or csv");
    }
    GpSummary summary = service.gpSummary(caller, request.pathParameter("id"));
    boolean csv = format.get(0).equals("csv");
    String body =
        csv
            ? ReportsFunction.csv(
                new Report(
                    "gp-summary",
                    java.util.List.of("section", "field", "value"),
                    summary.entries().stream()
                        .map(e -> java.util.List.<Object>of(e.section(), e.field(), e.value()))
                        .toList()))
            : summary.text();
    String file = summary.reference() + "-gp-summary." + (csv ? "csv" : "txt");
    return new ApiResponse(
        200,
        Map.of(
            "Content-Type",
            csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
            "Content-Disposition",
            "attachment; filename=\"" + file + "\"",
            "Cache-Control",
            "no-store"),
        body);
  }

  /** The FHIR R4 export for the GP record: a Bundle of a ServiceRequest and a Task. */
  private static ApiResponse fhir(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    ReferralService.GpRecord record = service.gpRecord(caller, request.pathParameter("id"));
    return new ApiResponse(
        200,
        Map.of("Content-Type", FhirExport.MEDIA_TYPE, "Cache-Control", "no-store"),
        Json.write(FhirExport.bundle(record.referral(), record.listing())));
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
            IfMatch.optional(request));
    return ReferralJson.one(200, moved, moved.scoresVisibleTo(caller));
  }

  private static ApiResponse erase(ReferralService service, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    service.erase(caller, request.pathParameter("id"));
    return new ApiResponse(204, Map.of(), "");
  }
}
