package org.signpost.handlers.web;

import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.auth.AuthFunction;
import org.signpost.handlers.auth.SessionCookies;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared web layer for server-rendered pages: templates, languages, form tokens, static assets
 * and HTML error pages. A page handler is a function of the request and its {@link WebContext};
 * wrap it with {@link #page} so any error becomes an HTML page in the person's language rather than
 * problem+json. Build one per execution environment; thread-safe.
 */
public final class Web {
  private static final Logger LOG = LoggerFactory.getLogger(Web.class);

  /**
   * Sent on every HTML response. The CSP allows only this site's own files: no inline script or
   * style, no framing, forms post only here.
   */
  public static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
              + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "X-Frame-Options",
          "DENY",
          // Also keeps a quick exit from telling the next site where the person was.
          "Referrer-Policy",
          "no-referrer",
          "Cross-Origin-Opener-Policy",
          "same-origin",
          // Pages may show personal answers or a private status; never cache them.
          "Cache-Control",
          "no-store");

  final Templates templates = new Templates();
  final I18n i18n = new I18n();
  final FormTokens tokens;
  final Clock clock;
  private final Assets assets = new Assets();

  public Web(byte[] key, Clock clock) {
    this.tokens = new FormTokens(key, clock);
    this.clock = clock;
  }

  public FormTokens tokens() {
    return tokens;
  }

  public I18n i18n() {
    return i18n;
  }

  /** The context of one page request: language, form token and rendering. */
  public WebContext context(ApiRequest request) {
    return new WebContext(this, request);
  }

  /** A route for a page: errors render as HTML error pages with the right status. */
  public Function<ApiRequest, ApiResponse> page(
      BiFunction<ApiRequest, WebContext, ApiResponse> handler) {
    return request -> {
      WebContext context = context(request);
      try {
        return handler.apply(request, context);
      } catch (SignpostException.Unauthenticated e) {
        if (!"GET".equals(request.method())) {
          return context.errorPage(Problems.status(e), e);
        }
        // Send the browser to sign in (or renew an expired session) and back to this page.
        String back = request.path() + (request.query().isEmpty() ? "" : "?" + query(request));
        boolean canRefresh = request.cookie(SessionCookies.REFRESH).isPresent();
        return new ApiResponse(
            303,
            Map.of(
                "Location",
                AuthFunction.signInFor(back, canRefresh).toString(),
                "Cache-Control",
                "no-store"),
            "");
      } catch (SignpostException e) {
        return context.errorPage(Problems.status(e), e);
      } catch (RuntimeException e) {
        LOG.error("unhandled error on {} request {}", request.routeKey(), request.requestId(), e);
        return context.errorPage(500, null);
      }
    };
  }

  private static String query(ApiRequest request) {
    StringBuilder out = new StringBuilder();
    request
        .query()
        .forEach(
            (name, values) ->
                values.forEach(
                    value ->
                        out.append(out.isEmpty() ? "" : "&")
                            .append(
                                java.net.URLEncoder.encode(
                                    name, java.nio.charset.StandardCharsets.UTF_8))
                            .append('=')
                            .append(
                                java.net.URLEncoder.encode(
                                    value, java.nio.charset.StandardCharsets.UTF_8))));
    return out.toString();
  }

  /** The route for {@code GET /assets/{file}}. */
  public ApiResponse asset(ApiRequest request) {
    return assets.serve(request.pathParameter("file"));
  }
}
