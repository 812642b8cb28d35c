package org.signpost.handlers;

import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsResponses;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for the public, read-only HSDS 3.0 (Open Referral) API. */
public final class HsdsFunction extends HttpFunction {

  public HsdsFunction() {
    this(
        new HsdsCatalogue(
            Wiring.shared().listings, Wiring.shared().listings, Wiring.shared().organisations));
  }

  HsdsFunction(HsdsCatalogue catalogue) {
    // API Gateway HTTP APIs cannot declare a route ending in "/", and send /hsds/ to GET /hsds.
    super(
        Map.of(
            "GET /hsds", request -> HsdsResponses.apiInfo(),
            "GET /hsds/services", request -> services(catalogue, request),
            "GET /hsds/services/{id}", request -> service(catalogue, request),
            "GET /hsds/taxonomies", request -> HsdsResponses.taxonomies(request.query()),
            "GET /hsds/taxonomy_terms", request -> HsdsResponses.terms(request.query())));
  }

  private static ApiResponse services(HsdsCatalogue catalogue, ApiRequest request) {
    String format = request.query().getOrDefault("format", java.util.List.of("json")).get(0);
    HsdsCatalogue.Page page = catalogue.services(HsdsCatalogue.Query.parse(request.query()));
    return switch (format) {
      case "json" -> HsdsResponses.page(page);
      case "ndjson" -> HsdsResponses.ndjson(page);
      case "csv" -> HsdsResponses.csv(page);
      default -> throw SignpostException.Invalid.of("format", "must be json, ndjson or csv");
    };
  }

  private static ApiResponse service(HsdsCatalogue catalogue, ApiRequest request) {
    String id = request.pathParameter("id");
    return catalogue
        .service(id)
        .map(HsdsResponses::service)
        .orElseThrow(() -> new SignpostException.NotFound("no published service with id " + id));
  }
}
