package org.signpost.handlers.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;

/**
 * One page request: the chosen language (from {@code ?lang=}, then the {@code sp_lang} cookie, then
 * Accept-Language), the browser's CSRF cookie, and rendering with the shared layout. Not shared
 * between requests; not thread-safe.
 */
public final class WebContext {
  public static final String LANG_COOKIE = "sp_lang";

  private final Web web;
  private final ApiRequest request;
  private final I18n.Language language;
  private final boolean languageChosenNow;
  private final String csrfCookie;
  private final boolean csrfCookieIsNew;

  WebContext(Web web, ApiRequest request) {
    this.web = web;
    this.request = request;
    List<String> asked = request.query().getOrDefault("lang", List.of());
    var fromQuery =
        asked.isEmpty() ? java.util.Optional.<I18n.Language>empty() : I18n.byCode(asked.get(0));
    this.languageChosenNow = fromQuery.isPresent();
    this.language =
        fromQuery
            .or(() -> request.cookie(LANG_COOKIE).flatMap(I18n::byCode))
            .or(() -> I18n.fromAcceptLanguage(request.header("accept-language").orElse(null)))
            .orElse(I18n.ENGLISH);
    String existing =
        request.cookie(FormTokens.COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{22}")).orElse(null);
    this.csrfCookieIsNew = existing == null;
    this.csrfCookie = existing == null ? FormTokens.newCookieValue() : existing;
  }

  public I18n.Language language() {
    return language;
  }

  /** A message in the page's language. */
  public String message(String key, Object... args) {
    return web.i18n.message(language, key, args);
  }

  /** A token for a form drawn now; post it back in the {@code form_token} field. */
  public String formToken() {
    return web.tokens.issue(csrfCookie);
  }

  /**
   * Checks a posted form's CSRF token and returns when the form was drawn.
   *
   * @throws SignpostException.Forbidden if the token does not belong to this browser
   */
  public Instant verify(FormData form) {
    return web.tokens.verify(
        request.cookie(FormTokens.COOKIE).orElse(null), form.value(FormTokens.FIELD));
  }

  /** Renders a page inside the shared layout, with security headers and cookies. */
  public ApiResponse render(int status, String template, Map<String, Object> scope) {
    Map<String, Object> all = new LinkedHashMap<>(baseScope());
    all.putAll(scope);
    String html = web.templates.render(template, all);
    Map<String, String> headers = new LinkedHashMap<>(Web.SECURITY_HEADERS);
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Content-Language", language.code());
    ApiResponse response = new ApiResponse(status, headers, html);
    if (csrfCookieIsNew) {
      response = response.withCookie(cookie(FormTokens.COOKIE, csrfCookie, true));
    }
    if (languageChosenNow) {
      response = response.withCookie(cookie(LANG_COOKIE, language.code(), false));
    }
    return response;
  }

  /** A 303 to another page, as after a successful form post (so a refresh does not re-post). */
  public ApiResponse redirect(String location) {
    Map<String, String> headers = new LinkedHashMap<>(Web.SECURITY_HEADERS);
    headers.put("Location", location);
    return new ApiResponse(303, headers, "");
  }

  /** The HTML error page; shows a core error's message only for client errors. */
  public ApiResponse errorPage(int status, SignpostException error) {
    String key =
        switch (status) {
          case 400 -> "error_400";
          case 401 -> "error_401";
          case 403 -> "error_403";
          case 404 -> "error_404";
          case 409 -> "error_409";
          case 429 -> "error_429";
          default -> "error_500";
        };
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", message(key));
    scope.put("status", status);
    scope.put("requestId", request.requestId());
    return render(status, "error", scope);
  }

  /** Scope every page gets: lang/dir, messages as {@code t}, the language switcher, the token. */
  Map<String, Object> baseScope() {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("lang", language.code());
    scope.put("dir", language.dir());
    scope.put("t", web.i18n.messages(language));
    scope.put("formToken", formToken());
    List<Map<String, Object>> languages = new ArrayList<>();
    for (I18n.Language other : I18n.LANGUAGES) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("code", other.code());
      link.put("name", other.name());
      link.put("current", other.equals(language));
      link.put("href", switchHref(other));
      languages.add(link);
    }
    scope.put("languages", languages);
    return scope;
  }

  /** The same page in another language, keeping the query (search filters) but not a token. */
  private String switchHref(I18n.Language other) {
    StringBuilder href = new StringBuilder(request.path()).append('?');
    request
        .query()
        .forEach(
            (name, values) -> {
              if (!name.equals("lang")) {
                for (String value : values) {
                  href.append(encode(name)).append('=').append(encode(value)).append('&');
                }
              }
            });
    return href.append("lang=").append(other.code()).toString();
  }

  /** Secure cookies when the configured address is https, never decided by request headers. */
  private static final boolean SECURE_SITE =
      org.signpost.handlers.auth.OidcSettings.publicBaseUrlFromEnvironment()
          .map(url -> "https".equalsIgnoreCase(url.getScheme()))
          .orElse(false);

  private String cookie(String name, String value, boolean httpOnly) {
    boolean https = SECURE_SITE;
    return name
        + "="
        + value
        + "; Path=/; SameSite=Lax"
        + (httpOnly ? "; HttpOnly" : "; Max-Age=31536000")
        + (https ? "; Secure" : "");
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
