package org.signpost.handlers.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.MembershipService;
import org.signpost.core.errors.SignpostException;

/**
 * Base of every HTTP Lambda handler: decodes the event, dispatches on the route key and maps errors
 * to problem+json. Subclasses only declare their routes. Thread-safe if the route functions are.
 */
public abstract class HttpFunction
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Map<String, Function<ApiRequest, ApiResponse>> routes;
  private final Optional<MembershipService> memberships;

  /** A function whose signed-in callers never have a role (it serves public routes only). */
  protected HttpFunction(Map<String, Function<ApiRequest, ApiResponse>> routes) {
    this.routes = Map.copyOf(routes);
    this.memberships = Optional.empty();
  }

  /** A function whose callers get their role and organisation from the memberships table. */
  protected HttpFunction(
      Map<String, Function<ApiRequest, ApiResponse>> routes, MembershipService memberships) {
    this.routes = Map.copyOf(routes);
    this.memberships = Optional.of(memberships);
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(
      APIGatewayV2HTTPEvent event, Context context) {
    return handle(ApiRequest.from(event)).toEvent();
  }

  /** Handles a decoded request; the local runtime and tests may call this directly. */
  public final ApiResponse handle(ApiRequest request) {
    Function<ApiRequest, ApiResponse> route = routes.get(request.routeKey());
    if (route == null) {
      return Problems.of(
          404, "not-found", "Not found", "no route for " + request.routeKey(), request);
    }
    try {
      return route.apply(request.withCaller(request.caller().map(c -> resolve(c.subject()))));
    } catch (SignpostException e) {
      return Problems.from(e, request);
    } catch (RuntimeException e) {
      return Problems.unexpected(e, request);
    }
  }

  /** The token only proves who the caller is; what they may do comes from the server's table. */
  private Caller resolve(String subject) {
    return memberships
        .map(service -> service.resolve(subject))
        .orElseGet(() -> new Caller(subject, java.util.Set.of(), Optional.empty()));
  }

  /** The route keys this function serves, for checks against template.yaml. */
  public final java.util.Set<String> routeKeys() {
    return routes.keySet();
  }
}
