package org.signpost.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for API Gateway: matches each request against the routes in template.yaml,
 * checks the bearer token as the JWT authoriser would, builds a payload v2 event and invokes the
 * handler class the template names. One handler instance per class, as in one Lambda environment.
 *
 * <p>Thread-safe: requests run concurrently on a bounded pool.
 */
public final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

  /** API Gateway's payload limit. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ExecutorService pool;
  private final List<Bound> routes;
  private final JwtAuthoriser authoriser;

  private record Bound(
      SamTemplate.Route route,
      List<String> segments,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

  public LocalServer(int port, List<SamTemplate.Route> routes, JwtAuthoriser authoriser)
      throws IOException {
    this(port, routes, authoriser, LocalServer::instantiate);
  }

  /**
   * A runtime whose handlers are built by {@code functions}, such as {@link
   * FunctionWirings#instantiate}, which gives each template function its own limited wiring.
   */
  @SuppressWarnings("unchecked")
  public LocalServer(
      int port,
      List<SamTemplate.Route> routes,
      JwtAuthoriser authoriser,
      java.util.function.Function<String, Object> functions)
      throws IOException {
    this.authoriser = authoriser;
    Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
        new LinkedHashMap<>();
    List<Bound> bound = new ArrayList<>();
    for (SamTemplate.Route route : routes) {
      var handler =
          handlers.computeIfAbsent(
              route.handlerClass(),
              name ->
                  (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                      functions.apply(name));
      bound.add(new Bound(route, segments(route.path()), handler));
    }
    this.routes = List.copyOf(bound);
    this.pool = Executors.newFixedThreadPool(16);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(pool);
    server.createContext("/", this::serve);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static Object instantiate(String className) {
    try {
      return Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "template.yaml names a handler that cannot start: " + className, e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      // Read the body before any early answer (401, 404, 405): a body left unread makes the JDK
      // server drop the keep-alive connection, and a client reusing it gets no answer at all.
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        problem(
            exchange, 413, "too-large", "Request too large", "the body is over 10 MB", Map.of());
        return;
      }
      Set<String> allowed = new LinkedHashSet<>();
      for (Bound bound : routes) {
        Map<String, String> params = match(bound.segments(), path);
        if (params == null) {
          continue;
        }
        if (!bound.route().method().equals(method)) {
          allowed.add(bound.route().method());
          continue;
        }
        dispatch(exchange, bound, params, body);
        return;
      }
      if (!allowed.isEmpty()) {
        problem(
            exchange,
            405,
            "method-not-allowed",
            "Method not allowed",
            method + " is not allowed here; use " + String.join(", ", allowed),
            Map.of("Allow", String.join(", ", allowed)));
      } else {
        problem(
            exchange,
            404,
            "not-found",
            "Not found",
            "no route for " + method + " " + path,
            Map.of());
      }
    } catch (RuntimeException e) {
      LOG.error("local runtime failed on a request", e);
    }
  }

  private void dispatch(
      HttpExchange exchange, Bound bound, Map<String, String> pathParams, byte[] body)
      throws IOException {
    Map<String, String> claims = null;
    if (bound.route().authorised()) {
      JwtAuthoriser.Outcome outcome =
          authoriser.check(
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
      if (outcome instanceof JwtAuthoriser.Refused refused) {
        problem(
            exchange,
            401,
            "unauthenticated",
            "Sign-in required",
            refused.reason(),
            Map.of("WWW-Authenticate", "Bearer"));
        return;
      }
      claims = ((JwtAuthoriser.Accepted) outcome).claims();
    }
    APIGatewayV2HTTPEvent event = event(exchange, bound.route(), pathParams, claims, body);
    APIGatewayV2HTTPResponse response = bound.handler().handleRequest(event, null);
    byte[] out =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? java.util.Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
    }
    send(exchange, response.getStatusCode(), out);
  }

  private static APIGatewayV2HTTPEvent event(
      HttpExchange exchange,
      SamTemplate.Route route,
      Map<String, String> pathParams,
      Map<String, String> claims,
      byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("cookie")) {
                for (String value : values) {
                  for (String cookie : value.split(";")) {
                    if (!cookie.isBlank()) {
                      cookies.add(cookie.trim());
                    }
                  }
                }
              } else {
                headers.put(lower, String.join(",", values));
              }
            });
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Instant now = Instant.now();

    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(route.method());
    http.setPath(exchange.getRequestURI().getRawPath());
    http.setProtocol(exchange.getProtocol());
    http.setSourceIp(sourceIp);
    http.setUserAgent(headers.getOrDefault("user-agent", ""));
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRouteKey(route.routeKey());
    context.setStage("$default");
    context.setRequestId(UUID.randomUUID().toString());
    context.setTime(REQUEST_TIME.format(now));
    context.setTimeEpoch(now.toEpochMilli());
    context.setAccountId("000000000000");
    context.setApiId("local");
    context.setDomainName("localhost");
    if (claims != null) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      jwt.setClaims(claims);
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(route.routeKey());
    event.setRawPath(exchange.getRequestURI().getRawPath());
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setHeaders(headers);
    event.setCookies(cookies.isEmpty() ? null : cookies);
    event.setPathParameters(pathParams.isEmpty() ? null : pathParams);
    event.setRequestContext(context);
    event.setBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
    event.setIsBase64Encoded(false);
    return event;
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        out.add(segment);
      }
    }
    return out;
  }

  /** Path parameters if the path fits the template, else null. */
  static Map<String, String> match(List<String> template, String path) {
    List<String> actual = segments(path);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String part = template.get(i);
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (i >= actual.size()) {
          return null;
        }
        params.put(
            part.substring(1, part.length() - 2),
            String.join("/", actual.subList(i, actual.size())));
        return params;
      }
      if (i >= actual.size()) {
        return null;
      }
      String segment = java.net.URLDecoder.decode(actual.get(i), StandardCharsets.UTF_8);
      if (part.startsWith("{") && part.endsWith("}")) {
        params.put(part.substring(1, part.length() - 1), segment);
      } else if (!part.equals(segment)) {
        return null;
      }
    }
    return actual.size() == template.size() ? params : null;
  }

  private static void problem(
      HttpExchange exchange,
      int status,
      String type,
      String title,
      String detail,
      Map<String, String> headers)
      throws IOException {
    String json =
        "{\"type\":\"https://signpost.example/problems/"
            + type
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":"
            + org.signpost.handlers.http.Json.write(detail)
            + "}";
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
    if (body.length > 0 && !head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
