package org.signpost.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads verbatim API Gateway v2 events from test resources and derives variations of them. */
public final class Events {
  /** Events use the AWS camelCase names, so they get their own mapper. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Events() {}

  public static APIGatewayV2HTTPEvent load(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no event resource " + name);
      }
      return MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A request shaped like the verbatim public search event, re-pointed at another route.
   *
   * @param claims JWT claims as the authoriser passes them, or null for an anonymous call
   */
  public static APIGatewayV2HTTPEvent request(
      String routeKey,
      String path,
      Map<String, String> pathParameters,
      String rawQuery,
      Map<String, String> headers,
      String body,
      Map<String, String> claims) {
    APIGatewayV2HTTPEvent event = load("get-search-public.json");
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setQueryStringParameters(null);
    event.setPathParameters(pathParameters);
    Map<String, String> allHeaders = new LinkedHashMap<>(event.getHeaders());
    allHeaders.putAll(headers);
    event.setHeaders(allHeaders);
    event.setBody(body);
    event.getRequestContext().getHttp().setMethod(method);
    event.getRequestContext().getHttp().setPath(path);
    event.getRequestContext().setRouteKey(routeKey);
    if (claims != null) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      jwt.setClaims(claims);
      authorizer.setJwt(jwt);
      event.getRequestContext().setAuthorizer(authorizer);
    }
    return event;
  }

  /** Claims for a provider of an organisation. */
  public static Map<String, String> provider(String org) {
    return Map.of("sub", "user-" + org, "cognito:groups", "[provider]", "custom:org", org);
  }

  public static Map<String, String> admin() {
    return Map.of("sub", "admin-1", "cognito:groups", "[admin]");
  }

  public static Map<String, String> prescriber() {
    return Map.of("sub", "gp-1", "cognito:groups", "[prescriber]");
  }

  /**
   * Registers, as an admin would, the membership each claims helper above stands for: functions
   * take role and organisation from the memberships table, never from these claims.
   */
  @SafeVarargs
  public static void enrol(
      org.signpost.core.auth.MembershipRepository members, Map<String, String>... callers) {
    for (Map<String, String> claims : callers) {
      String group = claims.get("cognito:groups").replace("[", "").replace("]", "");
      org.signpost.core.auth.Role role = org.signpost.core.auth.Role.parse(group).orElseThrow();
      members.put(
          new org.signpost.core.auth.Membership(
              claims.get("sub"),
              role,
              role == org.signpost.core.auth.Role.PROVIDER
                  ? java.util.Optional.of(claims.get("custom:org"))
                  : java.util.Optional.empty()));
    }
  }
}
