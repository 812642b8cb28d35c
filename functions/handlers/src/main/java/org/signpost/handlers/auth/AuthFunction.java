package org.signpost.handlers.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser sign-in by the OAuth 2.0 authorisation code flow with PKCE: {@code /auth/login} sends the
 * browser to the provider, {@code /auth/callback} exchanges the code for tokens and sets the
 * session cookies, {@code /auth/refresh} renews an expired session, {@code /auth/logout} ends it.
 * Nothing is stored server-side. Thread-safe.
 */
public final class AuthFunction extends HttpFunction {
  private static final Logger LOG = LoggerFactory.getLogger(AuthFunction.class);
  private static final String DEFAULT_NEXT = "/portal";

  public AuthFunction() {
    this(
        OidcSettings.fromEnvironment(),
        Wiring.shared().settings.webSecret(),
        Wiring.shared().clock);
  }

  AuthFunction(Optional<OidcSettings> settings, byte[] key, Clock clock) {
    super(routes(settings.map(s -> new Flow(s, new SessionVerifier(s), key, clock))));
  }

  private static Map<String, java.util.function.Function<ApiRequest, ApiResponse>> routes(
      Optional<Flow> flow) {
    Map<String, java.util.function.Function<ApiRequest, ApiResponse>> routes =
        new LinkedHashMap<>();
    routes.put("GET /auth/login", r -> flow.map(f -> f.login(r)).orElseGet(AuthFunction::off));
    routes.put(
        "GET /auth/callback", r -> flow.map(f -> f.callback(r)).orElseGet(AuthFunction::off));
    routes.put("GET /auth/refresh", r -> flow.map(f -> f.refresh(r)).orElseGet(AuthFunction::off));
    routes.put("POST /auth/logout", r -> flow.map(f -> f.logout(r)).orElseGet(AuthFunction::off));
    return routes;
  }

  private static ApiResponse off() {
    return page(404, "Sign-in is not configured on this deployment.");
  }

  /** One configured provider. */
  private record Flow(OidcSettings settings, SessionVerifier verifier, byte[] key, Clock clock) {
    private static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiResponse login(ApiRequest request) {
      LoginState state = LoginState.start(safeNext(first(request, "next")), clock);
      Map<String, String> query = new LinkedHashMap<>();
      query.put("response_type", "code");
      query.put("client_id", settings.clientId());
      query.put("redirect_uri", settings.callbackUrl().toString());
      query.put("scope", "openid email");
      query.put("state", state.state());
      query.put("nonce", state.nonce());
      query.put("code_challenge", state.challenge());
      query.put("code_challenge_method", "S256");
      return redirect(302, settings.authorizeUrl() + "?" + form(query))
          .withCookie(
              SessionCookies.set(SessionCookies.LOGIN, state.seal(key), LoginState.MAX_AGE));
    }

    ApiResponse callback(ApiRequest request) {
      Optional<LoginState> started =
          LoginState.open(request.cookie(SessionCookies.LOGIN).orElse(null), key, clock);
      if (started.isEmpty()) {
        return failed("This sign-in has expired or was not started here.");
      }
      LoginState login = started.get();
      if (!login.matches(first(request, "state"))) {
        return failed("This sign-in does not match the one this browser started.");
      }
      String code = first(request, "code");
      if (code == null || code.isBlank() || code.length() > 2048) {
        return failed("The sign-in service did not sign you in.");
      }
      Map<String, String> exchange = new LinkedHashMap<>();
      exchange.put("grant_type", "authorization_code");
      exchange.put("code", code);
      exchange.put("redirect_uri", settings.callbackUrl().toString());
      exchange.put("client_id", settings.clientId());
      exchange.put("code_verifier", login.verifier());
      Optional<JsonNode> tokens = tokens(exchange);
      if (tokens.isEmpty()) {
        return failed("The sign-in code was refused; it may have been used already.");
      }
      String idToken = tokens.get().path("id_token").asText("");
      Optional<JWTClaimsSet> claims = verifier.verify(idToken);
      if (claims.isEmpty() || !login.nonce().equals(claims.get().getClaim("nonce"))) {
        return failed("The sign-in service's answer could not be verified.");
      }
      return signedIn(redirect(303, login.next()), idToken, claims.get(), tokens.get())
          .withCookie(SessionCookies.clear(SessionCookies.LOGIN));
    }

    ApiResponse refresh(ApiRequest request) {
      String next = safeNext(first(request, "next"));
      Optional<String> refreshToken = request.cookie(SessionCookies.REFRESH);
      Optional<JsonNode> tokens =
          refreshToken
              .filter(t -> !t.isBlank() && t.length() <= 8192)
              .flatMap(
                  t ->
                      tokens(
                          Map.of(
                              "grant_type",
                              "refresh_token",
                              "refresh_token",
                              t,
                              "client_id",
                              settings.clientId())));
      String idToken = tokens.map(t -> t.path("id_token").asText("")).orElse("");
      Optional<JWTClaimsSet> claims = verifier.verify(idToken);
      if (claims.isEmpty()) {
        return redirect(303, "/auth/login?next=" + encode(next))
            .withCookie(SessionCookies.clear(SessionCookies.SESSION))
            .withCookie(SessionCookies.clear(SessionCookies.REFRESH));
      }
      return signedIn(redirect(303, next), idToken, claims.get(), tokens.get());
    }

    ApiResponse logout(ApiRequest request) {
      String home = settings.publicBaseUrl() + "/";
      String target =
          settings
              .logoutUrl()
              .map(
                  url ->
                      url
                          + "?"
                          + form(
                              Map.of(
                                  "client_id", settings.clientId(),
                                  "logout_uri", home,
                                  "post_logout_redirect_uri", home)))
              .orElse(home);
      // A page, not a redirect: the portal's CSP (form-action 'self') would block a form post that
      // redirects to the provider's origin, so this page moves on to end the provider's session.
      String href = target.replace("&", "&amp;").replace("\"", "&quot;");
      return new ApiResponse(
              200,
              Map.of(
                  "Content-Type", "text/html; charset=utf-8",
                  "Cache-Control", "no-store",
                  "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  + "<meta http-equiv=\"refresh\" content=\"0;url="
                  + href
                  + "\"><title>Signed out</title></head><body><main><h1>You are signed out</h1>"
                  + "<p><a id=\"continue\" href=\""
                  + href
                  + "\">Continue</a></p></main></body></html>")
          .withCookie(SessionCookies.clear(SessionCookies.SESSION))
          .withCookie(SessionCookies.clear(SessionCookies.REFRESH));
    }

    private ApiResponse signedIn(
        ApiResponse response, String idToken, JWTClaimsSet claims, JsonNode tokens) {
      Duration left = Duration.between(clock.instant(), claims.getExpirationTime().toInstant());
      ApiResponse out =
          response.withCookie(
              SessionCookies.set(
                  SessionCookies.SESSION,
                  idToken,
                  left.compareTo(SessionCookies.SESSION_MAX) > 0
                      ? SessionCookies.SESSION_MAX
                      : left));
      String refreshToken = tokens.path("refresh_token").asText("");
      return refreshToken.isBlank()
          ? out
          : out.withCookie(
              SessionCookies.set(SessionCookies.REFRESH, refreshToken, SessionCookies.REFRESH_MAX));
    }

    /** Calls the token endpoint; empty when it refuses or cannot be reached. */
    private Optional<JsonNode> tokens(Map<String, String> body) {
      HttpRequest request =
          HttpRequest.newBuilder(settings.tokenUrl())
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form(body)))
              .build();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          LOG.info(
              "token endpoint refused a {} grant: {}",
              body.get("grant_type"),
              response.statusCode());
          return Optional.empty();
        }
        return Optional.of(Json.MAPPER.readTree(response.body()));
      } catch (IOException e) {
        LOG.warn("token endpoint unreachable: {}", e.toString());
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** Only paths on this site, so sign-in cannot be used as an open redirect. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 512
        || next.chars().anyMatch(c -> c < 0x20)) {
      return DEFAULT_NEXT;
    }
    return next;
  }

  private static String first(ApiRequest request, String name) {
    List<String> values = request.query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static ApiResponse failed(String why) {
    return page(400, why).withCookie(SessionCookies.clear(SessionCookies.LOGIN));
  }

  private static ApiResponse redirect(int status, String location) {
    return new ApiResponse(status, Map.of("Location", location, "Cache-Control", "no-store"), "");
  }

  /** A small static page; the text is ours, never the request's, so nothing needs escaping. */
  private static ApiResponse page(int status, String text) {
    return new ApiResponse(
        status,
        Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>"
            + "</head><body><main><h1>Sign-in did not complete</h1><p>"
            + text
            + "</p><p><a href=\"/auth/login\">Try signing in again</a></p></main></body></html>");
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Where a page that needs a signed-in user sends the browser. */
  public static URI signInFor(String path, boolean canRefresh) {
    return URI.create(
        (canRefresh ? "/auth/refresh?next=" : "/auth/login?next=") + encode(safeNext(path)));
  }
}
