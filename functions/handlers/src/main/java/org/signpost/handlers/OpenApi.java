package org.signpost.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.signpost.handlers.http.ApiResponse;

/** Serves the OpenAPI 3.1 description bundled with the handlers. */
final class OpenApi {
  private static final String SPEC = load();

  private OpenApi() {}

  static ApiResponse response() {
    return new ApiResponse(
        200,
        Map.of("Content-Type", "application/yaml; charset=utf-8", "Cache-Control", "max-age=300"),
        SPEC);
  }

  private static String load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the handlers jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
