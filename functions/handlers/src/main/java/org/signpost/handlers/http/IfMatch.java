package org.signpost.handlers.http;

import java.util.OptionalLong;
import org.signpost.core.errors.SignpostException;

/**
 * Reads a version from an {@code If-Match} header or a form's version field ({@code "3"}, {@code
 * W/"3"} or {@code 3}), so core only ever sees a number. A value that cannot be a stored version
 * (not a number, below 1, or too large to be followed by another version) is a stale precondition,
 * 412, never an error from the store.
 */
public final class IfMatch {
  static final String REQUIRED =
      "send If-Match with the ETag you last read, so edits are never silently overwritten";

  private IfMatch() {}

  /** The version the header names; 428 when the header is missing. */
  public static long required(ApiRequest request) {
    return required(request.header("if-match").orElse(null));
  }

  /** The version the header names, if the header was sent. */
  public static OptionalLong optional(ApiRequest request) {
    return version(request.header("if-match").orElse(null));
  }

  /** The version a header or form value names; 428 when it is missing or blank. */
  public static long required(String value) {
    OptionalLong version = version(value);
    if (version.isEmpty()) {
      throw new SignpostException.PreconditionRequired(REQUIRED);
    }
    return version.getAsLong();
  }

  /** The version a header or form value names; empty when it is missing or blank. */
  public static OptionalLong version(String value) {
    return value == null || value.isBlank() ? OptionalLong.empty() : OptionalLong.of(parse(value));
  }

  static long parse(String header) {
    String raw = header.strip();
    if (raw.startsWith("W/")) {
      raw = raw.substring(2);
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      raw = raw.substring(1, raw.length() - 1);
    }
    long version;
    try {
      version = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new SignpostException.PreconditionFailed("If-Match does not name a version");
    }
    if (version < 1 || version == Long.MAX_VALUE) {
      throw new SignpostException.PreconditionFailed(
          "If-Match names version " + version + ", which no resource can be at");
    }
    return version;
  }
}
