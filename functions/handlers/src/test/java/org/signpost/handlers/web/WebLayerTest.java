package org.signpost.handlers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;

/** The shared web layer: layout, languages, security headers, form tokens and form decoding. */
class WebLayerTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final Web web = new Web(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  static ApiRequest get(String path, Map<String, List<String>> query, Map<String, String> headers) {
    return new ApiRequest(
        "GET " + path,
        "GET",
        path,
        Map.of(),
        query,
        headers,
        "",
        Optional.empty(),
        "req-1",
        "203.0.113.9");
  }

  private ApiResponse help(ApiRequest request) {
    return web.page(
            (r, page) -> page.render(200, "help", Map.of("title", page.message("help_title"))))
        .apply(request);
  }

  @Test
  void everyPage_hasStrictSecurityHeaders_quickExit_helpLink_andACsrfCookie() {
    ApiResponse response = help(get("/help", Map.of(), Map.of()));

    assertThat(response.status()).isEqualTo(200);
    String csp = response.headers().get("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'");
    assertThat(csp).doesNotContain("unsafe-inline");
    assertThat(response.headers())
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Referrer-Policy", "no-referrer");
    assertThat(response.body())
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains("href=\"https://www.bbc.co.uk/weather\" rel=\"noreferrer\">Exit this page</a>")
        .contains("<a class=\"help-now\" href=\"/help\">Get help now</a>")
        .contains("116 123")
        .doesNotContain("<script>")
        .doesNotContain("style=");
    assertThat(response.cookies())
        .anySatisfy(c -> assertThat(c).startsWith("sp_csrf=").contains("HttpOnly"));
  }

  @Test
  void arabic_rendersRightToLeft_andRemembersTheChoice() {
    ApiResponse response = help(get("/help", Map.of("lang", List.of("ar")), Map.of()));

    assertThat(response.body())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("احصل على المساعدة الآن");
    assertThat(response.cookies()).anySatisfy(c -> assertThat(c).startsWith("sp_lang=ar;"));
  }

  @Test
  void language_comesFromTheCookie_thenAcceptLanguage_andFallsBackToEnglish() {
    assertThat(help(get("/help", Map.of(), Map.of("cookie", "sp_lang=ur"))).body())
        .contains("dir=\"rtl\"", "lang=\"ur\"");
    assertThat(help(get("/help", Map.of(), Map.of("accept-language", "bn-BD,en;q=0.5"))).body())
        .contains("lang=\"bn\"");
    assertThat(help(get("/help", Map.of(), Map.of("accept-language", "xx, zz;q=0.1"))).body())
        .contains("lang=\"en\"");
  }

  @Test
  void languageSwitcher_keepsTheQuery_andEscapesIt() {
    ApiResponse response =
        help(get("/help", Map.of("near", List.of("B11 <x>"), "lang", List.of("pl")), Map.of()));

    assertThat(response.body())
        .contains("href=\"/help?near&#61;B11+%3Cx%3E&amp;lang&#61;ar\"")
        .doesNotContain("<x>");
  }

  @Test
  void formToken_isAcceptedFromTheSameBrowser_andRefusedWhenForgedMovedOrOld() {
    FormTokens tokens = web.tokens();
    String cookie = FormTokens.newCookieValue();
    String token = tokens.issue(cookie);

    assertThat(tokens.verify(cookie, token)).isEqualTo(NOW);
    assertThatThrownBy(() -> tokens.verify(FormTokens.newCookieValue(), token))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> tokens.verify(cookie, token + "x"))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> tokens.verify(cookie, null))
        .isInstanceOf(SignpostException.Forbidden.class);
    assertThatThrownBy(() -> tokens.verify(cookie, "garbage"))
        .isInstanceOf(SignpostException.Forbidden.class);
    FormTokens later =
        new FormTokens(
            KEY, Clock.fixed(NOW.plus(FormTokens.MAX_AGE).plusSeconds(1), ZoneOffset.UTC));
    assertThatThrownBy(() -> later.verify(cookie, token))
        .isInstanceOf(SignpostException.Forbidden.class);
    FormTokens otherKey =
        new FormTokens(
            "another-key-of-32-bytes-length!!".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> otherKey.verify(cookie, token))
        .isInstanceOf(SignpostException.Forbidden.class);
  }

  @Test
  void formData_decodesRepeatedAndEncodedValues_andRefusesOversizedForms() {
    FormData form =
        FormData.parse("name=Anna+Maria&need=loneliness&need=housing&note=a%26b%3Dc&empty=");

    assertThat(form.value("name")).isEqualTo("Anna Maria");
    assertThat(form.values("need")).containsExactly("loneliness", "housing");
    assertThat(form.value("note")).isEqualTo("a&b=c");
    assertThat(form.has("empty")).isFalse();
    assertThatThrownBy(() -> FormData.parse("x=" + "a".repeat(FormData.MAX_BODY_CHARS)))
        .isInstanceOf(SignpostException.Invalid.class);
    assertThatThrownBy(() -> FormData.parse("a=1&".repeat(FormData.MAX_FIELDS + 1)))
        .isInstanceOf(SignpostException.Invalid.class);
    assertThatThrownBy(() -> FormData.parse("a=%zz")).isInstanceOf(SignpostException.Invalid.class);
  }

  @Test
  void templates_escapeValues_andNeverUseTheUnescapedForms() throws IOException {
    String html =
        web.templates.render("error", Map.of("title", "<script>alert(1)</script>", "t", Map.of()));
    assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>alert");

    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("{{{", "{{&");
      }
    }
  }

  @Test
  void translations_onlyUseKeysThatEnglishHas() throws IOException {
    Properties english = load("messages.properties");
    for (I18n.Language language : I18n.LANGUAGES.subList(1, I18n.LANGUAGES.size())) {
      Properties translated = load("messages_" + language.code() + ".properties");
      assertThat(translated).as(language.code()).isNotEmpty();
      assertThat(english.keySet()).as(language.code()).containsAll(translated.keySet());
    }
  }

  @Test
  void assets_serveOnlyTheKnownFiles() {
    ApiRequest css =
        new ApiRequest(
            "GET /assets/{file}",
            "GET",
            "/assets/site.css",
            Map.of("file", "site.css"),
            Map.of(),
            Map.of(),
            "",
            Optional.empty(),
            "r",
            "");
    assertThat(web.asset(css).headers()).containsEntry("Content-Type", "text/css; charset=utf-8");
    ApiRequest other =
        new ApiRequest(
            "GET /assets/{file}",
            "GET",
            "/assets/x",
            Map.of("file", "../secret"),
            Map.of(),
            Map.of(),
            "",
            Optional.empty(),
            "r",
            "");
    assertThat(web.page((r, page) -> web.asset(r)).apply(other).status()).isEqualTo(404);
  }

  @Test
  void errorPages_areHtmlInThePersonsLanguage() {
    ApiResponse response =
        web.page(
                (r, page) -> {
                  throw new SignpostException.NotFound("x");
                })
            .apply(get("/nowhere", Map.of("lang", List.of("pl")), Map.of()));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("Content-Type")).startsWith("text/html");
    assertThat(response.body()).contains("Nie możemy znaleźć tej strony");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (var in = WebLayerTest.class.getResourceAsStream("/i18n/" + name)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void datesAndTimes_areWrittenAsInTheUk_notAmerica() {
    java.time.format.DateTimeFormatter medium =
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(
            java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT);
    java.time.LocalDateTime evening = java.time.LocalDateTime.parse("2026-12-08T18:30");
    I18n.Language english = I18n.LANGUAGES.get(0);

    assertThat(evening.format(medium.withLocale(english.locale()))).isEqualTo("8 Dec 2026, 18:30");
    assertThat(I18n.LANGUAGES)
        .allSatisfy(l -> assertThat(l.locale().getLanguage()).isEqualTo(l.code()));
  }
}
