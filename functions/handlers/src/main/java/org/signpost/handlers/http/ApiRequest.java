package org.signpost.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.auth.Caller;

/**
 * One HTTP request, decoded from the API Gateway v2 event on the first line of a handler so that
 * nothing past the edge sees AWS types.
 *
 * @param routeKey the matched route, such as {@code GET /api/listings/{id}}
 * @param headers lower-cased header names
 * @param query every value of every query parameter, in order
 * @param caller the signed-in caller: the verified subject, then its server-side membership
 */
public record ApiRequest(
    String routeKey,
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    Optional<Caller> caller,
    String requestId,
    String sourceIp) {

  public ApiRequest {
    pathParameters = Map.copyOf(pathParameters);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static ApiRequest from(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    var http = context == null ? null : context.getHttp();
    Map<String, String> headers = new LinkedHashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    // Payload v2 moves cookies out of the headers; fold them back so one place reads them.
    if (event.getCookies() != null && !event.getCookies().isEmpty()) {
      headers.put("cookie", String.join("; ", event.getCookies()));
    }
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new ApiRequest(
        event.getRouteKey() == null ? "" : event.getRouteKey(),
        http == null ? "GET" : http.getMethod(),
        event.getRawPath() == null ? "/" : event.getRawPath(),
        event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
        parseQuery(event.getRawQueryString()),
        headers,
        body,
        caller(context),
        context == null || context.getRequestId() == null ? "-" : context.getRequestId(),
        http == null || http.getSourceIp() == null ? "" : http.getSourceIp());
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The value of one request cookie, if sent. */
  public Optional<String> cookie(String name) {
    String all = headers.get("cookie");
    if (all == null) {
      return Optional.empty();
    }
    for (String part : all.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
        return Optional.of(part.substring(eq + 1).trim());
      }
    }
    return Optional.empty();
  }

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }

  /** This request with the caller the server resolved from the verified subject. */
  public ApiRequest withCaller(Optional<Caller> resolved) {
    return new ApiRequest(
        routeKey,
        method,
        path,
        pathParameters,
        query,
        headers,
        body,
        resolved,
        requestId,
        sourceIp);
  }

  /**
   * Reads the subject the HTTP API JWT authoriser verified. Groups and {@code custom:org} are
   * deliberately ignored: a user can write some token attributes, so role and organisation come
   * only from the memberships table (see {@link HttpFunction}).
   */
  private static Optional<Caller> caller(APIGatewayV2HTTPEvent.RequestContext context) {
    if (context == null
        || context.getAuthorizer() == null
        || context.getAuthorizer().getJwt() == null
        || context.getAuthorizer().getJwt().getClaims() == null) {
      return Optional.empty();
    }
    String subject = context.getAuthorizer().getJwt().getClaims().get("sub");
    if (subject == null || subject.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Caller(subject, Set.of(), Optional.empty()));
  }
}
