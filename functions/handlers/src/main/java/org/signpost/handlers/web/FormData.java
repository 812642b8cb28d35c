package org.signpost.handlers.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.http.ApiRequest;

/**
 * A decoded {@code application/x-www-form-urlencoded} body, with limits on size and field count so
 * a hostile post cannot make the function do unbounded work. Immutable.
 *
 * @param fields every value of every field, in order
 */
public record FormData(Map<String, List<String>> fields) {
  public static final int MAX_BODY_CHARS = 32 * 1024;
  public static final int MAX_FIELDS = 100;

  public FormData {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(copy);
  }

  /** Decodes the body of a form post, refusing other content types and oversized bodies. */
  public static FormData from(ApiRequest request) {
    String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      throw SignpostException.Invalid.of(
          "body", "expected a form (application/x-www-form-urlencoded)");
    }
    return parse(request.body());
  }

  public static FormData parse(String body) {
    if (body.length() > MAX_BODY_CHARS) {
      throw SignpostException.Invalid.of("body", "the form is too long");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    int count = 0;
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_FIELDS) {
        throw SignpostException.Invalid.of("body", "the form has too many fields");
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new FormData(out);
  }

  /** The first value of a field, trimmed, or empty text. */
  public String value(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0).trim();
  }

  public List<String> values(String name) {
    return fields.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return !value(name).isEmpty();
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SignpostException.Invalid.of("body", "the form is not properly encoded");
    }
  }
}
