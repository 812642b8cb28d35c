package org.signpost.handlers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsExports;
import org.signpost.handlers.hsds.HsdsIds;
import org.signpost.handlers.hsds.HsdsResponses;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for the public, read-only HSDS 3.0 (Open Referral UK) API. */
public final class HsdsFunction extends HttpFunction {

  public HsdsFunction() {
    this(
        new HsdsCatalogue(
            Wiring.shared().listings,
            Wiring.shared().listings,
            Wiring.shared().organisations,
            Wiring.shared().geocoder),
        Wiring.shared().hsdsExports);
  }

  HsdsFunction(HsdsCatalogue catalogue) {
    this(catalogue, HsdsExports.NONE);
  }

  HsdsFunction(HsdsCatalogue catalogue, HsdsExports exports) {
    this(catalogue, exports, HsdsResponses.NDJSON_LIMIT_BYTES);
  }

  /** With {@code ndjsonLimit} the most bytes one ndjson answer may hold. */
  HsdsFunction(HsdsCatalogue catalogue, HsdsExports exports, long ndjsonLimit) {
    // API Gateway HTTP APIs cannot declare a route ending in "/", and send /hsds/ to GET /hsds.
    super(
        Map.ofEntries(
            Map.entry("GET /hsds", request -> HsdsResponses.apiInfo()),
            Map.entry(
                "GET /hsds/services",
                request -> services(catalogue, exports, ndjsonLimit, request)),
            Map.entry(
                "GET /hsds/services/{id}",
                request -> found(catalogue.service(id(request)), "service", request)),
            Map.entry("GET /hsds/organizations", request -> organizations(catalogue, request)),
            Map.entry(
                "GET /hsds/organizations/{id}",
                request ->
                    found(
                        catalogue.organization(id(request), query(request).fullService()),
                        "organization",
                        request)),
            Map.entry(
                "GET /hsds/service_at_locations",
                request -> list(catalogue.serviceAtLocations(query(request)), request)),
            Map.entry(
                "GET /hsds/service_at_locations/{id}",
                request ->
                    found(
                        catalogue.serviceAtLocation(uuid(request)),
                        "service at location",
                        request)),
            Map.entry("GET /hsds/taxonomies", request -> HsdsResponses.taxonomies(request.query())),
            Map.entry(
                "GET /hsds/taxonomies/{id}",
                request -> present(HsdsResponses.taxonomy(id(request)), "taxonomy", request)),
            Map.entry("GET /hsds/taxonomy_terms", request -> HsdsResponses.terms(request.query())),
            Map.entry(
                "GET /hsds/taxonomy_terms/{id}",
                request -> present(HsdsResponses.term(id(request)), "taxonomy term", request))));
  }

  private static ApiResponse services(
      HsdsCatalogue catalogue, HsdsExports exports, long ndjsonLimit, ApiRequest request) {
    String format = format(request);
    HsdsCatalogue.Query query = query(request);
    HsdsCatalogue.Page page = catalogue.services(query);
    return switch (format) {
      case "ndjson" ->
          HsdsResponses.ndjson(page, ndjsonLimit)
              .orElseGet(() -> tooLargeForOneAnswer(query, exports));
      case "csv" -> HsdsResponses.csv(page);
      default -> HsdsResponses.page(page);
    };
  }

  private static ApiResponse organizations(HsdsCatalogue catalogue, ApiRequest request) {
    HsdsCatalogue.Page page = catalogue.organizations(query(request));
    return "ndjson".equals(format(request))
        ? list(page, request)
        : HsdsResponses.organizationsPage(page);
  }

  private static ApiResponse list(HsdsCatalogue.Page page, ApiRequest request) {
    if (!"ndjson".equals(format(request))) {
      return HsdsResponses.page(page);
    }
    return HsdsResponses.ndjson(page, HsdsResponses.NDJSON_LIMIT_BYTES)
        .orElseThrow(
            () ->
                SignpostException.Invalid.of(
                    "format", "too large for one ndjson answer; page it with format=json"));
  }

  /**
   * Every service, when they pass the response cap: a redirect to the complete export that the
   * housekeeping function keeps, or a problem saying what to do instead.
   */
  private static ApiResponse tooLargeForOneAnswer(HsdsCatalogue.Query query, HsdsExports exports) {
    if (!query.unfiltered()) {
      throw SignpostException.Invalid.of(
          "format",
          "too many results for one ndjson answer; narrow the filters or page with format=json");
    }
    return exports
        .latest()
        .map(HsdsResponses::redirect)
        .orElseThrow(
            () ->
                SignpostException.Invalid.of(
                    "format",
                    "the directory is too large for one ndjson answer and its complete export is"
                        + " not written yet; try again in a few minutes or page with format=json"));
  }

  private static String format(ApiRequest request) {
    String format = request.query().getOrDefault("format", List.of("json")).get(0);
    return switch (format) {
      case "json", "ndjson", "csv" -> format;
      default -> throw SignpostException.Invalid.of("format", "must be json, ndjson or csv");
    };
  }

  private static HsdsCatalogue.Query query(ApiRequest request) {
    format(request);
    return HsdsCatalogue.Query.parse(request.query());
  }

  private static String id(ApiRequest request) {
    return request.pathParameter("id");
  }

  private static String uuid(ApiRequest request) {
    String id = id(request);
    if (!HsdsIds.isUuid(id)) {
      throw SignpostException.Invalid.of("id", "must be a UUID");
    }
    return id;
  }

  private static ApiResponse found(
      Optional<com.fasterxml.jackson.databind.node.ObjectNode> node,
      String what,
      ApiRequest request) {
    return node.map(HsdsResponses::entity)
        .orElseThrow(
            () ->
                new SignpostException.NotFound("no published " + what + " with id " + id(request)));
  }

  private static ApiResponse present(
      Optional<ApiResponse> answer, String what, ApiRequest request) {
    return answer.orElseThrow(
        () -> new SignpostException.NotFound("no " + what + " with id " + id(request)));
  }
}
