package org.signpost.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.web.Web;
import org.signpost.handlers.wiring.Wiring;

/** Lambda handler for the public, server-rendered pages and their static files. */
public final class PagesFunction extends HttpFunction {

  public PagesFunction() {
    this(Wiring.shared().web);
  }

  PagesFunction(Web web) {
    super(routes(web));
  }

  private static Map<String, Function<ApiRequest, ApiResponse>> routes(Web web) {
    Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();
    routes.put(
        "GET /help",
        web.page(
            (request, page) ->
                page.render(200, "help", Map.of("title", page.message("help_title")))));
    routes.put("GET /assets/{file}", web::asset);
    return routes;
  }
}
