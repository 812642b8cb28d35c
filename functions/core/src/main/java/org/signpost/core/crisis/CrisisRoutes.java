package org.signpost.core.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The crisis routes a deployment shows, in order. Defaults come from the bundled {@code
 * crisis-routes.txt}; the {@code CRISIS_ROUTES} setting replaces them. Immutable.
 */
public record CrisisRoutes(List<Route> routes) {
  public CrisisRoutes {
    routes = List.copyOf(routes);
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("at least one crisis route is needed");
    }
  }

  /** One route: who, how to reach them, and when to use it. */
  public record Route(String name, String contact, String detail) {}

  /** The setting if given and not blank, otherwise the bundled list. */
  public static CrisisRoutes configured(Optional<String> setting) {
    return setting
        .filter(s -> !s.isBlank())
        .map(s -> parse(s.replace(';', '\n')))
        .orElse(bundled());
  }

  public static CrisisRoutes bundled() {
    try (InputStream in = CrisisRoutes.class.getResourceAsStream("crisis-routes.txt")) {
      if (in == null) {
        throw new IllegalStateException("bundled crisis-routes.txt is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code name | contact | detail} lines; {@code #} starts a comment.
   *
   * @throws IllegalArgumentException naming the line that lacks a name or contact
   */
  public static CrisisRoutes parse(String text) {
    List<Route> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\|", -1);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException("crisis route needs 'name | contact': " + trimmed);
      }
      out.add(
          new Route(parts[0].strip(), parts[1].strip(), parts.length > 2 ? parts[2].strip() : ""));
    }
    return new CrisisRoutes(out);
  }
}
