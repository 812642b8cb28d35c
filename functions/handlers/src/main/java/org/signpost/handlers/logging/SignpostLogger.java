package org.signpost.handlers.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes one line per event to standard error: a JSON object in Lambda, so CloudWatch can query
 * fields, or plain text on a developer's terminal. Thread-safe: each event is one println.
 */
final class SignpostLogger extends LegacyAbstractLogger {
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Level threshold;
  private final boolean json;

  SignpostLogger(String name, Level threshold, boolean json) {
    this.name = name;
    this.threshold = threshold;
    this.json = json;
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    Instant now = Instant.now();
    String line =
        json
            ? jsonLine(now, level, message, throwable)
            : TEXT_TIME.format(now)
                + " ["
                + Thread.currentThread().getName()
                + "] "
                + level
                + " "
                + name
                + " - "
                + message
                + (throwable == null ? "" : System.lineSeparator() + stack(throwable));
    // Read System.err on every call, so a redirected stream (tests, the runtime) is honoured.
    PrintStream err = System.err;
    err.println(line);
  }

  private String jsonLine(Instant now, Level level, String message, Throwable throwable) {
    StringBuilder out = new StringBuilder(128);
    out.append("{\"time\":\"").append(now).append("\",\"level\":\"").append(level);
    out.append("\",\"logger\":");
    quote(out, name);
    out.append(",\"thread\":");
    quote(out, Thread.currentThread().getName());
    out.append(",\"message\":");
    quote(out, message);
    if (throwable != null) {
      out.append(",\"error\":");
      quote(out, throwable.getClass().getName());
      out.append(",\"stack\":");
      quote(out, stack(throwable));
    }
    return out.append('}').toString();
  }

  static void quote(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String stack(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
