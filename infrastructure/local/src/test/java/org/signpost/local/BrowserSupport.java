package org.signpost.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.signpost.devstore.NodeServer;
import org.signpost.testing.TestBackend;

/**
 * Starts the local runtime against the test store and a headless Chromium for browser tests. The
 * system chromedriver is used so Selenium Manager never reaches the network.
 */
final class BrowserSupport {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserSupport() {}

  private static LocalOidc oidc;

  /** One local OpenID Connect server for the whole test JVM, as the shared wiring trusts one. */
  static synchronized LocalOidc oidc() {
    if (oidc == null) {
      oidc = LocalOidc.start(0);
    }
    return oidc;
  }

  /**
   * The local runtime with browser sign-in against the local OpenID Connect server, as {@code
   * ./signpost run} serves it.
   */
  static LocalServer server(TestBackend.Store store, Path state) throws IOException {
    System.setProperty("DYNAMODB_ENDPOINT", store.endpoint().toString());
    System.setProperty("TABLE_PREFIX", store.tablePrefix());
    System.setProperty("TRUST_NEW_ORGANISATIONS", "true");
    System.setProperty("SEARCH_POLL_MS", "0");
    // Browser tests type faster than people; the minimum fill time has its own handler test.
    System.setProperty("FORM_MIN_FILL_SECONDS", "0");
    // One site key for every function, as ./signpost run keeps in .signpost/ (and AWS in a secret).
    System.setProperty("WEB_SECRET", "local-runtime-test-site-key-0123456789abcdef");
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    // The callback URL names this runtime; set before its handlers start.
    oidc().configure("http://127.0.0.1:" + port);
    DevKeys keys = DevKeys.loadOrCreate(state);
    SamTemplate template = SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));
    LocalServer server =
        new LocalServer(
            port,
            template.routes(),
            new JwtAuthoriser(
                keys.publicKey(), DevKeys.ISSUER, DevKeys.AUDIENCE, Clock.systemUTC()),
            // Each function gets only its template permissions, as in AWS.
            new FunctionWirings(template)::instantiate);
    server.start();
    return server;
  }

  /**
   * A headless Chromium; skips the test class when the system driver is not installed, unless
   * {@code SIGNPOST_REQUIRE_BROWSER} is set (as in CI), where it fails.
   */
  static WebDriver chromium(String name, boolean javascript) throws IOException {
    if (System.getenv("SIGNPOST_REQUIRE_BROWSER") != null && !Files.isExecutable(CHROMEDRIVER)) {
      // CI sets this: there, a browser that cannot start is a failure, never a silent skip.
      throw new IllegalStateException(
          "SIGNPOST_REQUIRE_BROWSER is set but /usr/bin/chromedriver is missing");
    }
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver; browser tests skipped");
    Path profile =
        Files.createTempDirectory(
            Path.of("target").toAbsolutePath().toFile().exists()
                ? Path.of("target").toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir")),
            "chromium-" + name);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--user-data-dir=" + profile,
        "--lang=en-GB");
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // A click that submits a form can return before the next page has loaded; finding elements
    // retries for a while instead of racing the navigation.
    driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
    return driver;
  }

  /** Serious and critical axe-core violations on the current page, as readable lines. */
  static String axeViolations(WebDriver driver) throws IOException {
    String axe =
        Files.readString(NodeServer.repositoryRoot().resolve("node_modules/axe-core/axe.min.js"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(JSON.stringify(r.violations"
                + "    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
                + "}).catch(function (e) { done('axe failed: ' + e); });");
    return String.valueOf(result);
  }

  /**
   * Clicks something that loads a new page and waits until the old page is gone, so the next lookup
   * cannot find an element of the page being left.
   */
  static void clickThrough(WebDriver driver, org.openqa.selenium.WebElement target) {
    org.openqa.selenium.WebElement page =
        driver.findElement(org.openqa.selenium.By.tagName("html"));
    target.click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(d -> gone(page));
  }

  /**
   * True once an element's page has been replaced. Chromium reports this either as a stale element
   * or as a node that "does not belong to the document", depending on timing.
   */
  private static boolean gone(org.openqa.selenium.WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException replaced) {
      return true;
    }
  }
}
