package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.wiring.ReferralSettings;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** The self-referral form's defences through the pages handler, against dynalite. */
@ExtendWith(TestBackend.class)
class ReferralPagesIT {
  private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("name=\"idempotency_key\" value=\"([^\"]+)\"");
  private static ReferralFixtures.MovableClock clock;
  private static Wiring wiring;
  private static PagesFunction pages;
  private static String listingId;
  private static String gpOnlyId;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    clock = new ReferralFixtures.MovableClock(Instant.now());
    ReferralSettings base = ReferralFixtures.settings(1000, null);
    ReferralSettings settings =
        new ReferralSettings(
            base.webSecret(),
            180,
            Optional.empty(),
            Duration.ofSeconds(3),
            1000,
            "no-reply@signpost.test");
    wiring = new Wiring(store.config(true), settings, clock);
    pages = new PagesFunction(wiring, wiring.newSearchService());
    listingId =
        ReferralFixtures.listing(wiring, "org-pages-it", "Pages Tea Club", "[\"self\"]").id();
    gpOnlyId =
        ReferralFixtures.listing(wiring, "org-pages-it", "Pages GP Club", "[\"prescriber\"]").id();
  }

  /** A browser: keeps cookies between requests. */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final String ip;

    Browser(String ip) {
      this.ip = ip;
    }

    ApiResponse get(String routeKey, String path, Map<String, String> params, String query) {
      return exchange(routeKey, path, params, query, "");
    }

    ApiResponse post(Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return exchange("POST /refer", "/refer", Map.of(), "", body);
    }

    private ApiResponse exchange(
        String routeKey, String path, Map<String, String> params, String query, String body) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("content-type", "application/x-www-form-urlencoded");
      // A Host (and scheme) the site does not own: links must come from PUBLIC_BASE_URL instead.
      headers.put("host", "attacker.example");
      headers.put("x-forwarded-proto", "https");
      if (!cookies.isEmpty()) {
        headers.put(
            "cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      ApiResponse response =
          pages.handle(
              new ApiRequest(
                  routeKey,
                  routeKey.substring(0, routeKey.indexOf(' ')),
                  path,
                  params,
                  query.isEmpty()
                      ? Map.of()
                      : Map.of(
                          query.substring(0, query.indexOf('=')),
                          List.of(query.substring(query.indexOf('=') + 1))),
                  headers,
                  body,
                  Optional.empty(),
                  "req",
                  ip));
      for (String cookie : response.cookies()) {
        String pair = cookie.substring(0, cookie.indexOf(';'));
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    }

    Map<String, String> openForm(String id) {
      ApiResponse form = get("GET /refer/{listingId}", "/refer/" + id, Map.of("listingId", id), "");
      assertThat(form.status()).isEqualTo(200);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("form_token", find(TOKEN, form.body()));
      fields.put("idempotency_key", find(KEY, form.body()));
      fields.put("listing_id", id);
      fields.put("name", "Mirela");
      fields.put("phone", "07700 900468");
      fields.put("consent", "yes");
      return fields;
    }
  }

  static String find(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertThat(m.find()).as("pattern " + pattern).isTrue();
    return m.group(1);
  }

  private static int stored() {
    return wiring.referrals.all().size();
  }

  @Test
  void doubleSubmitOfOneForm_storesOneReferral_andBothGoToTheSameStatusPage() {
    Browser browser = new Browser("10.9.0.1");
    Map<String, String> form = browser.openForm(listingId);
    clock.advance(Duration.ofSeconds(5));
    int before = stored();

    ApiResponse first = browser.post(form);
    ApiResponse second = browser.post(form);

    assertThat(first.status()).isEqualTo(303);
    assertThat(second.status()).isEqualTo(303);
    assertThat(second.headers().get("Location"))
        .isEqualTo(first.headers().get("Location"))
        .startsWith("/r/");
    assertThat(stored()).isEqualTo(before + 1);
    String token =
        first.headers().get("Location").substring(3, first.headers().get("Location").indexOf('?'));
    ApiResponse status =
        browser.get("GET /r/{token}", "/r/" + token, Map.of("token", token), "sent=1");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.headers()).containsEntry("Referrer-Policy", "no-referrer");
    assertThat(status.body())
        .contains("We have your request", "Pages Tea Club")
        .contains("href=\"/r/" + token + "\"")
        .doesNotContain("Mirela", "900468", "attacker.example");
  }

  @Test
  void missingCsrfCookie_honeypot_andTooFastPosts_storeNothing_andKeepTheAnswers() {
    int before = stored();
    Browser browser = new Browser("10.9.0.2");
    Map<String, String> form = browser.openForm(listingId);

    ApiResponse tooFast = browser.post(form);
    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.body()).contains("That was very quick", "value=\"Mirela\"");

    clock.advance(Duration.ofSeconds(5));
    Browser stranger = new Browser("10.9.0.2");
    ApiResponse forged = stranger.post(form);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("value=\"Mirela\"");

    Map<String, String> bot = new LinkedHashMap<>(form);
    bot.put("website", "http://spam.example");
    assertThat(browser.post(bot).status()).isEqualTo(400);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void distressInFreeText_showsCrisisHelpFirst_evenWhenTheFormIsRefused() {
    Browser browser = new Browser("10.9.0.9");
    Map<String, String> form = browser.openForm(listingId);
    form.put("phone", "");
    form.put("free_text", "Honestly everyone would be better off without me");
    clock.advance(Duration.ofSeconds(5));

    ApiResponse refused = browser.post(form);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().indexOf("crisis-heading"))
        .isPositive()
        .isLessThan(refused.body().indexOf("<h1"));
  }

  @Test
  void errorsAreShownInThePersonsLanguage_withAnswersKept_andNothingStored() {
    int before = stored();
    Browser browser = new Browser("10.9.0.3");
    browser.get("GET /", "/", Map.of(), "lang=pl");
    Map<String, String> form = browser.openForm(listingId);
    form.put("phone", "");
    form.remove("consent");
    form.put("free_text", "<script>alert(1)</script>");
    clock.advance(Duration.ofSeconds(5));

    ApiResponse response = browser.post(form);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains(
            "lang=\"pl\"",
            "Podaj numer telefonu lub adres e-mail.",
            "Zaznacz pole, aby wyrazić zgodę.")
        .contains("value=\"Mirela\"", "&lt;script&gt;")
        .doesNotContain("<script>alert");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aListingWithoutSelfReferral_isRefusedWithAClearMessage() {
    int before = stored();
    Browser browser = new Browser("10.9.0.4");
    Map<String, String> form = browser.openForm(gpOnlyId);
    clock.advance(Duration.ofSeconds(5));

    ApiResponse response = browser.post(form);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("This group does not take requests from the public.");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void unknownStatusLink_isA404PageThatSaysSo() {
    ApiResponse response =
        new Browser("10.9.0.5")
            .get(
                "GET /r/{token}",
                "/r/0000000000000000000000000000",
                Map.of("token", "0000000000000000000000000000"),
                "");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("This link does not work.");
  }
}
