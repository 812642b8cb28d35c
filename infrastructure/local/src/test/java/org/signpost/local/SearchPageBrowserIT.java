package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/**
 * The search page as a person sees it, in real Chromium at phone (390×844) and desktop (1280×800)
 * sizes: crisis help in the first screen after a distress search, results in the first screen after
 * an ordinary one. Screenshots go to {@code target/screenshots} for a human look.
 */
@ExtendWith(TestBackend.class)
class SearchPageBrowserIT {
  @TempDir static Path state;
  private static LocalServer server;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    base = "http://localhost:" + server.port();
    ReferralFixtures.listing(Wiring.shared(), "org-browser-search", "Sparkbrook Tea Club", "[]");
    browser = BrowserSupport.chromium("search", true);
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

  @ParameterizedTest
  @CsvSource({"390,844,en", "1280,800,en", "390,844,ar", "390,844,pl"})
  void distressSearch_showsCrisisHelpInTheFirstScreen(int width, int height, String lang)
      throws Exception {
    open(width, height, "/?q=everyone+would+be+better+off+without+me&lang=" + lang);
    screenshot("crisis-" + lang + "-" + width);

    assertInFirstScreen(browser.findElement(By.id("crisis-heading")));
    assertInFirstScreen(browser.findElement(By.cssSelector(".crisis a[href='tel:116123']")));
    assertThat(BrowserSupport.axeViolations(browser)).isEqualTo("[]");
  }

  @ParameterizedTest
  @CsvSource({"390,844,en", "1280,800,en", "390,844,ar"})
  void ordinarySearch_showsTheCountAndFirstResultInTheFirstScreen(
      int width, int height, String lang) throws Exception {
    open(width, height, "/?q=sparkbrook+tea&near=B11&need=loneliness&lang=" + lang);
    screenshot("results-" + lang + "-" + width);

    assertInFirstScreen(browser.findElement(By.id("results-heading")));
    WebElement first = browser.findElement(By.cssSelector(".result h2 a"));
    assertThat(first.getText()).isEqualTo("Sparkbrook Tea Club");
    assertInFirstScreen(first);
    assertThat(browser.findElements(By.className("crisis"))).isEmpty();
    assertThat(BrowserSupport.axeViolations(browser)).isEqualTo("[]");
  }

  @org.junit.jupiter.api.Test
  void shortlist_thenPrintView_thenPrivateLink_atPhoneSize() throws Exception {
    open(390, 844, "/?q=sparkbrook+tea+club&lang=en");
    BrowserSupport.clickThrough(
        browser, browser.findElement(By.cssSelector(".result form button[type=submit]")));
    assertThat(browser.getCurrentUrl()).contains("q=sparkbrook+tea+club", "#results");
    BrowserSupport.clickThrough(
        browser, browser.findElement(By.cssSelector(".searched a[href='/shortlist']")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What's on for you");
    assertThat(browser.findElement(By.id("print-sheet")).isDisplayed()).isTrue();
    assertThat(BrowserSupport.axeViolations(browser)).isEqualTo("[]");

    ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    screenshot("shortlist-print-390");
    assertThat(browser.findElement(By.className("sheet-item")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.className("sheet-actions")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("quick-exit")).isDisplayed()).isFalse();
    ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

    BrowserSupport.clickThrough(
        browser, browser.findElement(By.cssSelector(".sheet-actions form button")));
    assertThat(browser.getCurrentUrl()).contains("/s/");
    screenshot("shortlist-shared-390");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sparkbrook Tea Club");
    assertThat(BrowserSupport.axeViolations(browser)).isEqualTo("[]");
  }

  private static void open(int width, int height, String path) {
    browser.manage().window().setSize(new Dimension(width, height));
    browser.get(base + path);
  }

  // Visible without scrolling: its bottom edge is inside the viewport's height.
  private static void assertInFirstScreen(WebElement element) {
    List<?> box =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                        + "return [r.top, r.bottom, window.innerHeight];",
                    element);
    double bottom = ((Number) box.get(1)).doubleValue();
    double viewport = ((Number) box.get(2)).doubleValue();
    assertThat(bottom)
        .as("bottom of %s in a %s px viewport", element, viewport)
        .isLessThan(viewport);
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
