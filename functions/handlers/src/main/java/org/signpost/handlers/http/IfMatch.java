package org.signpost.handlers.http;

import java.util.Optional;
import org.signpost.core.errors.SignpostException;

/**
 * Reads a version from an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}). A
 * value that cannot be a stored version (not a number, below 1, or too large to be followed by
 * another version) is a stale precondition, 412, never an error from the store.
 */
public final class IfMatch {
  private IfMatch() {}

  /** The version the header names; 428 when the header is missing. */
  public static long required(ApiRequest request) {
    return optional(request)
        .orElseThrow(
            () ->
                new SignpostException.PreconditionRequired(
                    "send If-Match with the ETag you last read, so edits are never silently"
                        + " overwritten"));
  }

  /** The version the header names, if the header was sent. */
  public static Optional<Long> optional(ApiRequest request) {
    return request.header("if-match").filter(v -> !v.isBlank()).map(IfMatch::parse);
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
