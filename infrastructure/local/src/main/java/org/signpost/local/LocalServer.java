package org.signpost.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
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
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for API Gateway: matches each request against the routes in template.yaml,
 * checks the bearer token as the JWT authoriser would, builds a payload v2 event and invokes the
 * handler class the template names. One handler instance per class, as in one Lambda environment.
 *
 * <p>It runs on Jetty's core server (no servlets), whose request parsing this class configures: bad
 * URLs and percent-encoding get a 400, request heads over {@link #MAX_HEAD_BYTES} a 431 (or a 414
 * when the request line alone is too long), all as problem+json, the way API Gateway answers.
 *
 * <p>Thread-safe: requests run concurrently on a bounded pool.
 */
public final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

  /** API Gateway's payload limit. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /**
   * The largest request line plus headers accepted. API Gateway's HTTP API allows 10 KB of request
   * line and headers; this is looser so that the handlers' own limits (ids, query parameters) stay
   * reachable and testable locally, and still far below the 400 KB that used to reset a connection.
   */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /**
   * Where Jetty's parser itself stops reading a head. Well above {@link #MAX_HEAD_BYTES}, so a head
   * between the two is read to its end and refused by {@link #serve} on an intact connection. When
   * the parser refuses a head part-way, the client may still be writing the rest; closing then can
   * reset the connection and lose the answer.
   */
  static final int PARSER_HEAD_BYTES = 1024 * 1024;

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Server server;
  private final ServerConnector connector;
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
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("local-runtime");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(PARSER_HEAD_BYTES);
    // Jetty's own URI checks are relaxed to what the JDK server passed through (encoded slashes,
    // dot segments); raw spaces and percent-encoding are checked by RequestLineParser.
    http.setUriCompliance(UriCompliance.UNSAFE);
    this.connector = new ServerConnector(server, 1, 1, RequestLineParser.connections(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(128);
    server.addConnector(connector);
    server.setHandler(new Routes());
    server.setErrorHandler(new ProblemErrorHandler());
    // Bind now, as the JDK server did, so a port in use fails here rather than in start().
    connector.open();
  }

  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the local runtime could not start", e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  private static void discard(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    int n;
    while (read < limit && (n = in.read(buffer)) > 0) {
      read += n;
    }
  }

  private static Object instantiate(String className) {
    try {
      return Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "template.yaml names a handler that cannot start: " + className, e);
    }
  }

  /** Routes one request; Jetty calls it on a pool thread, so blocking here is fine. */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Exchange exchange = new Exchange(request, response, callback);
      try {
        serve(exchange);
      } catch (IOException | RuntimeException e) {
        LOG.error("local runtime failed on a request", e);
        if (!response.isCommitted()) {
          exchange.problem(500, "internal", "Internal error", "the local runtime failed", Map.of());
        } else {
          callback.failed(e);
        }
      }
      return true;
    }
  }

  private void serve(Exchange exchange) throws IOException {
    String method = exchange.request.getMethod().toUpperCase(Locale.ROOT);
    String path = exchange.rawPath();
    // Read the body before any early answer (400, 401, 404, 405), so the keep-alive connection is
    // left at the next request and a client reusing it is answered.
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(exchange.request)) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        // Read on (within reason) so the client has finished writing when the 413 goes out;
        // closing on unread bytes can reset the connection before the answer is read.
        discard(in, 4L * MAX_BODY_BYTES);
      }
    }
    if (body.length > MAX_BODY_BYTES) {
      exchange.problem(413, "too-large", "Request too large", "the body is over 10 MB", Map.of());
      return;
    }
    if (exchange.headTooLarge()) {
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
      exchange.problem(
          405,
          "method-not-allowed",
          "Method not allowed",
          method + " is not allowed here; use " + String.join(", ", allowed),
          Map.of("Allow", String.join(", ", allowed)));
    } else {
      exchange.problem(
          404, "not-found", "Not found", "no route for " + method + " " + path, Map.of());
    }
  }

  private void dispatch(
      Exchange exchange, Bound bound, Map<String, String> pathParams, byte[] body) {
    Map<String, String> claims = null;
    if (bound.route().authorised()) {
      JwtAuthoriser.Outcome outcome =
          authoriser.check(
              Optional.ofNullable(exchange.request.getHeaders().get(HttpHeader.AUTHORIZATION)));
      if (outcome instanceof JwtAuthoriser.Refused refused) {
        exchange.problem(
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
    HttpFields.Mutable headers = exchange.response.getHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(headers::put);
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> headers.add(HttpHeader.SET_COOKIE, c));
    }
    exchange.send(response.getStatusCode(), out);
  }

  private static APIGatewayV2HTTPEvent event(
      Exchange exchange,
      SamTemplate.Route route,
      Map<String, String> pathParams,
      Map<String, String> claims,
      byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (HttpField field : exchange.request.getHeaders()) {
      String lower = field.getName().toLowerCase(Locale.ROOT);
      String value = field.getValue();
      if (lower.equals("cookie")) {
        for (String cookie : value.split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
      } else {
        headers.merge(lower, value, (first, next) -> first + "," + next);
      }
    }
    String sourceIp = Request.getRemoteAddr(exchange.request);
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    String rawQuery = exchange.rawQuery();
    Instant now = Instant.now();

    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(route.method());
    http.setPath(exchange.rawPath());
    http.setProtocol(exchange.request.getConnectionMetaData().getProtocol());
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
    event.setRawPath(exchange.rawPath());
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

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("local runtime did not stop cleanly", e);
    }
  }
}
