package org.signpost.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import org.signpost.core.errors.SignpostException;

/**
 * Base of every HTTP Lambda handler: decodes the event, dispatches on the route key and maps errors
 * to problem+json. Subclasses only declare their routes. Thread-safe if the route functions are.
 */
public abstract class HttpFunction
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Map<String, Function<ApiRequest, ApiResponse>> routes;
  private final Identity identity;

  /** A function whose signed-in callers never have a role (it serves public routes only). */
  protected HttpFunction(Map<String, Function<ApiRequest, ApiResponse>> routes) {
    this(routes, Identity.anonymousOnly());
  }

  /** A function whose callers get their role and organisation from the memberships table. */
  protected HttpFunction(Map<String, Function<ApiRequest, ApiResponse>> routes, Identity identity) {
    this.routes = Map.copyOf(routes);
    this.identity = identity;
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(
      APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event);
    ApiResponse response = handle(request);
    return (personal(request) && !response.headers().containsKey("Cache-Control")
            ? response.withHeader("Cache-Control", "no-store")
            : response)
        .toEvent();
  }

  /**
   * Answers no cache may keep: anything a signed-in caller sees, anything a write returns (such as
   * a referral receipt) and anything about a referral.
   */
  private static boolean personal(ApiRequest request) {
    return request.caller().isPresent()
        || request.cookie(org.signpost.handlers.auth.SessionCookies.SESSION).isPresent()
        || !"GET".equals(request.method())
        || request.routeKey().contains("referrals")
        || request.routeKey().contains("/r/");
  }

  /** Handles a decoded request; the local runtime and tests may call this directly. */
  public final ApiResponse handle(ApiRequest request) {
    Function<ApiRequest, ApiResponse> route = routes.get(request.routeKey());
    if (route == null) {
      return Problems.of(
          404, "not-found", "Not found", "no route for " + request.routeKey(), request);
    }
    for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
      if (!plausibleId(parameter.getValue())) {
        // No stored id is this long or has these characters; answer before any store call.
        return Problems.of(404, "not-found", "Not found", "no such " + parameter.getKey(), request);
      }
    }
    try {
      return route.apply(request.withCaller(identity.caller(request)));
    } catch (SignpostException e) {
      return Problems.from(e, request);
    } catch (RuntimeException e) {
      return StoreFailures.asUnavailable(e)
          .map(unavailable -> Problems.from(unavailable, request))
          .orElseGet(() -> Problems.unexpected(e, request));
    }
  }

  /** The longest path id any route accepts; ids and tokens are far shorter. */
  static final int MAX_ID_CHARS = 200;

  static boolean plausibleId(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_ID_CHARS) {
      return false;
    }
    if (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))) {
      return false;
    }
    return value.chars().noneMatch(Character::isISOControl);
  }

  /** The route keys this function serves, for checks against template.yaml. */
  public final java.util.Set<String> routeKeys() {
    return routes.keySet();
  }
}
