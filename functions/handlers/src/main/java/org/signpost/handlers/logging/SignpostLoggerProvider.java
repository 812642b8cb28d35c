package org.signpost.handlers.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding: JSON lines when running in Lambda (or {@code LOG_FORMAT=json}), text
 * otherwise; level from {@code LOG_LEVEL} (default INFO; the AWS SDK only from WARN). Found through
 * {@code META-INF/services}. Thread-safe.
 */
public final class SignpostLoggerProvider implements SLF4JServiceProvider {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private ILoggerFactory factory;

  @Override
  public void initialize() {
    Level threshold = level(setting("LOG_LEVEL"), Level.INFO);
    String format = setting("LOG_FORMAT");
    boolean json =
        format != null
            ? format.equalsIgnoreCase("json")
            : System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
    Map<String, Logger> loggers = new ConcurrentHashMap<>();
    factory =
        name ->
            loggers.computeIfAbsent(
                name,
                n ->
                    new SignpostLogger(
                        n,
                        n.startsWith("software.amazon.awssdk") && threshold.toInt() < 30
                            ? Level.WARN
                            : threshold,
                        json));
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  static Level level(String raw, Level fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Level.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }
}
