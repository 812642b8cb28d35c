package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.signpost.core.referral.ReferralRequest;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** axe-core on every public page in English and Arabic, right-to-left layout, and quick exit. */
@ExtendWith(TestBackend.class)
class PublicPagesAccessibilityIT {
  @TempDir static Path state;
  private static LocalServer server;
  private static WebDriver browser;
  private static String base;
  private static String listingId;
  private static String statusPath;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    base = "http://localhost:" + server.port();
    listingId =
        ReferralFixtures.listing(
                Wiring.shared(), "org-browser-axe", "Balsall Heath Walk", "[\"self\"]")
            .id();
    var submitted =
        Wiring.shared()
            .referralService
            .submitSelf(
                new ReferralRequest(
                    listingId,
                    "Axe",
                    "07700 900111",
                    "",
                    "",
                    "",
                    List.of(),
                    "",
                    "",
                    List.of(),
                    "en",
                    "",
                    true,
                    null),
                "198.51.100.200");
    statusPath = "/r/" + submitted.token();
    browser = BrowserSupport.chromium("axe", true);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyPublicPage_hasNoSeriousOrCriticalViolations_inEnglishAndArabic() throws Exception {
    List<String> pages =
        List.of(
            "/",
            "/?need=loneliness&near=B12",
            "/?q=i+want+to+end+it+all",
            "/?near=52.45,-1.87&day=someday",
            "/listings/" + listingId,
            "/refer/" + listingId,
            "/refer",
            statusPath,
            "/help",
            "/r/not-a-real-token-000000000000");
    List<String> problems = new ArrayList<>();
    for (String lang : List.of("en", "ar")) {
      for (String page : pages) {
        browser.get(base + page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
        String violations = BrowserSupport.axeViolations(browser);
        if (!violations.equals("[]")) {
          problems.add(lang + " " + page + " " + violations);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void arabic_rendersRightToLeft() {
    browser.get(base + "/?lang=ar");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("ابحث عن مجموعة أو نشاط قريب منك");
  }

  @Test
  void quickExit_leavesTheSite_andReplacesTheHistoryEntry() {
    browser.get(base + "/help");
    browser.get(base + "/refer");
    browser.findElement(By.id("quick-exit")).click();
    assertThat(browser.getCurrentUrl()).doesNotStartWith(base);
    browser.navigate().back();
    // location.replace removed /refer from history: back goes to the page before it.
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/help");
  }
}
