package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.Role;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/**
 * A person with JavaScript turned off finds a group by postcode and need, asks to join, and follows
 * the private status link while the group, signed in, moves the referral on. Real Chromium.
 */
@ExtendWith(TestBackend.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfReferralJourneyIT {
  static final String ORG = "org-browser-journey";
  @TempDir static Path state;
  private static LocalServer server;
  private static WebDriver browser;
  private static String base;
  private static String statusLink;
  private static String reference;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    // The site as its public address names it: sign-in cookies belong to that host.
    base = "http://127.0.0.1:" + server.port();
    ReferralFixtures.listing(
        Wiring.shared(), ORG, "Sparkbrook Knit and Natter", "[\"self\",\"prescriber\"]");
    browser = BrowserSupport.chromium("journey", false);
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
  @Order(1)
  void person_findsAGroupByPostcodeAndNeed_andSelfRefersWithoutJavaScript_andGetsAStatusLink() {
    browser.get(base + "/");
    browser.findElement(By.cssSelector("input[name=need][value=loneliness]")).click();
    browser.findElement(By.id("near")).sendKeys("B11 4AB");
    BrowserSupport.clickThrough(
        browser, browser.findElement(By.cssSelector("form.search button[type=submit]")));

    WebElement result = browser.findElement(By.linkText("Sparkbrook Knit and Natter"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("km away", "Matches:", "Feeling lonely");
    BrowserSupport.clickThrough(browser, result);
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("When", "Where", "Cost", "See on a map");
    BrowserSupport.clickThrough(browser, browser.findElement(By.linkText("Ask to join")));

    browser.findElement(By.id("name")).sendKeys("Halina");
    browser.findElement(By.id("phone")).sendKeys("07700 900135");
    browser.findElement(By.id("postcode")).sendKeys("B11 4AB");
    BrowserSupport.clickThrough(browser, browser.findElement(By.id("send")));
    // Missing consent: the form comes back with the answers kept and a clear message.
    assertThat(browser.findElement(By.id("errors")).getText())
        .contains("Tick the box to say you agree.");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Halina");

    browser.findElement(By.id("consent")).click();
    BrowserSupport.clickThrough(browser, browser.findElement(By.id("send")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We have your request");
    statusLink = browser.findElement(By.id("status-link")).getText();
    reference =
        browser
            .findElement(By.id("reference"))
            .getText()
            .replace("Your reference is ", "")
            .replace(".", "");
    // Built from the configured PUBLIC_BASE_URL (the runtime's 127.0.0.1 address), not the Host.
    assertThat(statusLink).startsWith(base + "/r/");
    assertThat(browser.findElement(By.id("status-now")).getText())
        .isEqualTo("Sent. Waiting for the group to contact you.");
    assertThat(browser.findElements(By.className("crisis"))).isEmpty();
  }

  @Test
  @Order(2)
  void group_signsIn_marksItContactedThenAccepted_andThePersonSeesIt() {
    Wiring.shared()
        .memberships
        .put(new Membership("journey-group", Role.PROVIDER, Optional.of(ORG)));
    browser.get(base + "/auth/login?next=%2Fportal%2Freferrals");
    WebElement username = browser.findElement(By.name("username"));
    username.sendKeys("journey-group");
    username.submit();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/portal/referrals"));
    assertThat(browser.getCurrentUrl()).endsWith("/portal/referrals");

    move("contacted");
    move("accepted");

    browser.get(statusLink);
    assertThat(browser.findElement(By.id("status-now")).getText())
        .isEqualTo("The group said yes. You can go.");
    assertThat(browser.findElement(By.tagName("ol")).getText())
        .contains("The group has contacted you.");
  }

  private void move(String status) {
    WebElement section = referralSection();
    new Select(section.findElement(By.tagName("select"))).selectByValue(status);
    BrowserSupport.clickThrough(
        browser, section.findElement(By.cssSelector("button[type=submit]")));
    // The post redirects back to this page. Until the new page has settled, elements can go stale
    // mid-read, so keep reading until the referral shows its new status (or time runs out).
    String shown =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
            .ignoring(org.openqa.selenium.WebDriverException.class)
            .ignoring(java.util.NoSuchElementException.class)
            .until(
                driver -> {
                  String text = referralSection().findElement(By.className("status")).getText();
                  return text.equals(status) ? text : null;
                });
    assertThat(shown).isEqualTo(status);
  }

  private WebElement referralSection() {
    return browser.findElements(By.cssSelector("section.result")).stream()
        .filter(s -> s.findElement(By.tagName("h2")).getText().startsWith(reference))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @Order(3)
  void distressInTheForm_showsCrisisRoutesFirst() {
    browser.get(base + "/refer");
    browser.findElement(By.id("name")).sendKeys("Sam");
    browser.findElement(By.id("email")).sendKeys("sam@example.org");
    browser.findElement(By.id("free_text")).sendKeys("I can't go on, I want to end my life");
    browser.findElement(By.id("consent")).click();
    BrowserSupport.clickThrough(browser, browser.findElement(By.id("send")));

    WebElement main = browser.findElement(By.tagName("main"));
    String text = main.getText();
    assertThat(text).contains("Samaritans on 116 123", "option 2", "SHOUT to 85258", "999");
    assertThat(text.indexOf("116 123")).isLessThan(text.indexOf("We have your request"));
  }
}
