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
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** The shortlist: add from results, the sheet, private links, and their refusals, on dynalite. */
@ExtendWith(TestBackend.class)
class ShortlistPagesIT {
  private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
  private static ReferralFixtures.MovableClock clock;
  private static PagesFunction pages;
  private static String listingId;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, null), clock);
    listingId =
        ReferralFixtures.listing(wiring, "org-shortlist-it", "Moseley Knit Club", "[\"self\"]")
            .id();
    pages = new PagesFunction(wiring, wiring.newSearchService());
  }

  /** Keeps cookies between requests, as a browser does. */
  private static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();

    ApiResponse get(String routeKey, String path, Map<String, String> params, String query) {
      Map<String, List<String>> q = new LinkedHashMap<>();
      if (!query.isEmpty()) {
        for (String pair : query.split("&")) {
          q.computeIfAbsent(pair.substring(0, pair.indexOf('=')), k -> new java.util.ArrayList<>())
              .add(pair.substring(pair.indexOf('=') + 1));
        }
      }
      return exchange(routeKey, path, params, q, "");
    }

    ApiResponse post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return exchange("POST " + path, path, Map.of(), Map.of(), body);
    }

    private ApiResponse exchange(
        String routeKey,
        String path,
        Map<String, String> params,
        Map<String, List<String>> query,
        String body) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("content-type", "application/x-www-form-urlencoded");
      headers.put("host", "localhost");
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
                  query,
                  headers,
                  body,
                  Optional.empty(),
                  "req",
                  "198.51.100.31"));
      for (String cookie : response.cookies()) {
        String pair = cookie.substring(0, cookie.indexOf(';'));
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    }

    /** Searches, then presses "Add to my list" on the first result. */
    ApiResponse addFirstResult(String words) {
      ApiResponse results = get("GET /", "/", Map.of(), "q=" + words);
      assertThat(results.body()).contains("Add to my list");
      return post(
          "/shortlist",
          Map.of(
              "form_token",
              token(results.body()),
              "listing_id",
              listingId,
              "back",
              "/?q=" + words + "#results"));
    }
  }

  private static String token(String html) {
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void addFromResults_returnsToTheResults_andTheSheetHasWhatAPersonNeedsThenCrisisRoutes() {
    Browser browser = new Browser();

    ApiResponse added = browser.addFirstResult("knit");

    assertThat(added.status()).isEqualTo(303);
    assertThat(added.headers().get("Location")).isEqualTo("/?q=knit#results");
    assertThat(browser.get("GET /", "/", Map.of(), "q=knit").body())
        .contains("On your list", "My list (1)");
    ApiResponse sheet = browser.get("GET /shortlist", "/shortlist", Map.of(), "");
    assertThat(sheet.status()).isEqualTo(200);
    assertThat(sheet.body())
        .contains(
            "What&#39;s on for you",
            "Moseley Knit Club",
            "Sparkhill Hub, 12 Stratford Road, Birmingham B11 4AB",
            "How to join",
            "/refer/" + listingId,
            "group@example.org");
    assertThat(sheet.body().indexOf("crisis-heading"))
        .isGreaterThan(sheet.body().indexOf("Moseley Knit Club"));
  }

  @Test
  void privateLink_showsTheSheetToSomeoneElse_withoutAnythingReadableInTheUrl() {
    Browser browser = new Browser();
    browser.addFirstResult("knit");
    String form = token(browser.get("GET /shortlist", "/shortlist", Map.of(), "").body());

    ApiResponse made = browser.post("/shortlist/link", Map.of("form_token", form));

    assertThat(made.status()).isEqualTo(303);
    String link = made.headers().get("Location");
    assertThat(link).startsWith("/s/").doesNotContain(listingId).doesNotContain("Knit");
    String token = link.substring(3);
    ApiResponse shared = new Browser().get("GET /s/{token}", link, Map.of("token", token), "");
    assertThat(shared.status()).isEqualTo(200);
    assertThat(shared.headers()).containsEntry("X-Robots-Tag", "noindex");
    assertThat(shared.body()).contains("Moseley Knit Club").doesNotContain("Remove");
  }

  @Test
  void tamperedExpiredOrHugeLinks_getAClearMessage_neverAServerError() {
    Browser browser = new Browser();
    browser.addFirstResult("knit");
    String form = token(browser.get("GET /shortlist", "/shortlist", Map.of(), "").body());
    String token =
        browser
            .post("/shortlist/link", Map.of("form_token", form))
            .headers()
            .get("Location")
            .substring(3);
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    ApiResponse bad = new Browser().get("GET /s/{token}", "/s/x", Map.of("token", tampered), "");
    ApiResponse huge =
        new Browser().get("GET /s/{token}", "/s/x", Map.of("token", "A".repeat(100_000)), "");
    ApiResponse hostile =
        new Browser().get("GET /s/{token}", "/s/x", Map.of("token", "<script>../../"), "");
    clock.advance(Duration.ofDays(31));
    ApiResponse expired = new Browser().get("GET /s/{token}", "/s/x", Map.of("token", token), "");
    clock.advance(Duration.ofDays(-31));

    assertThat(bad.status()).isEqualTo(404);
    assertThat(bad.body()).contains("This link does not work").doesNotContain("Moseley");
    assertThat(huge.status()).isEqualTo(404);
    assertThat(hostile.status()).isEqualTo(404);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired").doesNotContain("Moseley");
  }

  @Test
  void changesWithoutTheFormToken_orWithAnOffSiteReturn_areRefusedOrKeptOnSite() {
    Browser browser = new Browser();
    ApiResponse forged = browser.post("/shortlist", Map.of("listing_id", listingId));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(browser.cookies).doesNotContainKey("sp_list");

    String form = token(browser.get("GET /", "/", Map.of(), "q=knit").body());
    ApiResponse offSite =
        browser.post(
            "/shortlist",
            Map.of("form_token", form, "listing_id", listingId, "back", "//evil.example/x"));
    assertThat(offSite.headers().get("Location")).isEqualTo("/shortlist");
  }
}
