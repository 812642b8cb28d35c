package org.signpost.handlers.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.http.ApiResponse;

/**
 * The static CSS and JavaScript the pages use, served from {@code static/} on the classpath. Files
 * are loaded once at start from a fixed list, so a path can never reach anything else. The strict
 * CSP forbids inline script and style, which is why these are separate files. Immutable.
 */
public final class Assets {
  private static final Map<String, String> TYPES =
      Map.of(
          "site.css", "text/css; charset=utf-8",
          "site.js", "text/javascript; charset=utf-8");

  private final Map<String, String> files = new LinkedHashMap<>();

  public Assets() {
    for (String name : TYPES.keySet()) {
      try (InputStream in = Assets.class.getResourceAsStream("/static/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing static asset " + name);
        }
        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The response for {@code GET /assets/{file}}. */
  public ApiResponse serve(String name) {
    String body = files.get(name);
    if (body == null) {
      throw new SignpostException.NotFound("no asset " + name);
    }
    return new ApiResponse(
        200,
        Map.of(
            "Content-Type", TYPES.get(name),
            "Cache-Control", "public, max-age=3600",
            "X-Content-Type-Options", "nosniff"),
        body);
  }
}
