package org.signpost.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.signpost.devstore.NodeServer;

/**
 * Real headless Chromium through the system chromedriver (never a downloaded one), plus axe-core
 * checks. One per test class, because a browser costs seconds to start.
 */
public final class Chrome implements AutoCloseable {
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path BINARY = Path.of("/usr/bin/chromium");

  public final ChromeDriver driver;

  private Chrome(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium, skipping the test when it is not installed (CI installs it). */
  public static Chrome start(boolean javascript) {
    assumeTrue(
        Files.isExecutable(DRIVER) && Files.isExecutable(BINARY), "Chromium is not installed");
    try {
      Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chrome-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BINARY.toString());
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
          "--window-size=1000,900",
          "--user-data-dir=" + profile);
      if (!javascript) {
        options.setExperimentalOption(
            "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
      }
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(DRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      return new Chrome(driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core on the current page and returns serious or critical violations. */
  @SuppressWarnings("unchecked")
  public List<String> seriousAccessibilityViolations() {
    String axe;
    try {
      axe =
          Files.readString(
              NodeServer.repositoryRoot().resolve("node_modules/axe-core/axe.min.js"),
              StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is missing: run npm ci", e);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    assertThat(result).isInstanceOf(List.class);
    return (List<String>) result;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
