package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.Role;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/**
 * A provider of an untrusted group signs in, adds a listing with a weekly session and sees it
 * pending; an admin approves it from the queue; then search finds it. Real Chromium with axe-core
 * on every portal page (PortalIT drives the same forms with no JavaScript at all).
 */
@ExtendWith(TestBackend.class)
class PortalBrowserIT {
  private static final String ORG = "org-browser-untrusted";
  @TempDir static Path state;
  private static LocalServer server;
  private static WebDriver driver;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    Wiring.shared()
        .organisationService
        .upsert(
            new Caller("setup", Set.of(Role.ADMIN), Optional.empty()),
            new Organisation(ORG, "Browser Test Group", null, Organisation.APPROVED, false, 0));
    driver = BrowserSupport.chromium("portal", true);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    server.close();
  }

  @Test
  void providerPublishes_adminApproves_andSearchFindsIt() throws Exception {
    String name = "Thursday Board Games " + Instant.now().getEpochSecond();
    signIn("provider", ORG);
    open("/portal");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your listings");
    org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("__Host-sp_session");
    assertThat(session).isNotNull();
    assertThat(session.isSecure()).isTrue();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    assertThat(session.getPath()).isEqualTo("/");
    assertAccessible();

    open("/portal/listings/new");
    assertAccessible();
    type("name", name);
    type("summary", "Cards, dominoes and a cuppa.");
    driver.findElement(By.cssSelector("input[name=categories][value=social_groups]")).click();
    type("location_address", "10 Bristol Road, Birmingham");
    type("location_postcode", "B29 6AA");
    type("location_lat", "52.4420");
    type("location_lon", "-1.9360");
    new Select(driver.findElement(By.id("session_day_0"))).selectByValue("thu");
    type("session_start_0", "13:30");
    type("session_end_0", "15:30");
    BrowserSupport.clickThrough(driver, driver.findElement(By.id("save-publish")));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("done="));

    String home = driver.findElement(By.tagName("main")).getText();
    assertThat(home).contains(name).contains("waiting for review");
    assertThat(searchBody()).doesNotContain(name);
    BrowserSupport.clickThrough(driver, driver.findElement(By.linkText(name)));
    assertAccessible();

    signIn("admin", "");
    open("/portal/moderation");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains(name)
        .contains("schedule.weekly[0].day");
    assertAccessible();
    WebElement section =
        driver.findElement(By.xpath("//section[.//h2[normalize-space()='" + name + "']]"));
    BrowserSupport.clickThrough(
        driver, section.findElement(By.cssSelector("button[id^=approve-]")));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("done=approved"));

    assertThat(searchBody()).contains(name);

    open("/portal");
    BrowserSupport.clickThrough(driver, driver.findElement(By.id("sign-out")));
    assertThat(driver.manage().getCookieNamed("__Host-sp_session")).isNull();
    open("/portal");
    assertThat(driver.getCurrentUrl()).contains("/authorize");
  }

  @Test
  void adminSignsIn_andApprovesAGroupThatSignedUp_whoseRequesterBecomesItsProvider()
      throws Exception {
    String requester = "browser-requester-" + Instant.now().getEpochSecond();
    Organisation pending =
        Wiring.shared()
            .organisationService
            .signUp(
                new Caller(requester, Set.of(), Optional.empty()),
                "Kings Heath Knit and Natter " + Instant.now().getEpochSecond(),
                "Knitting and a chat on Tuesday mornings.");
    assertThat(pending.status()).isEqualTo(Organisation.PENDING);

    signIn("admin", "");
    open("/portal/organisations");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");
    assertAccessible();
    BrowserSupport.clickThrough(driver, driver.findElement(By.id("approve-" + pending.id())));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("done=approved"));

    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Done: approved");
    assertThat(Wiring.shared().organisationService.find(pending.id()).orElseThrow().status())
        .isEqualTo(Organisation.APPROVED);
    assertThat(Wiring.shared().memberships.find(requester))
        .hasValueSatisfying(m -> assertThat(m.organisationId()).contains(pending.id()));
  }

  @Test
  void reportsPage_drawsItsChartsForAPrescriberLead_withNoSeriousAxeViolations() throws Exception {
    signIn("prescriber_lead", "");
    open("/portal/reports");

    assertThat(driver.findElement(By.id("funnel")).getTagName()).isEqualTo("svg");
    assertThat(driver.findElement(By.id("freshness-chart")).getTagName()).isEqualTo("svg");
    assertThat(driver.getPageSource()).contains("format=csv");
    assertAccessible();
  }

  /** Signs in through the real code flow: the local OpenID Connect server's login form. */
  private static void signIn(String role, String org) {
    String subject = "browser-" + role;
    Role parsed = Role.parse(role).orElseThrow();
    Wiring.shared()
        .memberships
        .put(
            new Membership(
                subject, parsed, parsed == Role.PROVIDER ? Optional.of(org) : Optional.empty()));
    open("/auth/login?next=%2Fportal");
    WebElement username = driver.findElement(By.name("username"));
    username.sendKeys(subject);
    username.submit();
    // Signing in redirects twice; wait for it so the next page is requested with the new cookie.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/portal"));
  }

  private static void open(String path) {
    driver.get("http://127.0.0.1:" + server.port() + path);
  }

  private static void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static void assertAccessible() throws Exception {
    assertThat(BrowserSupport.axeViolations(driver))
        .as("axe-core serious/critical violations on " + driver.getCurrentUrl())
        .isEqualTo("[]");
  }

  private static String searchBody() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=board%20games"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
