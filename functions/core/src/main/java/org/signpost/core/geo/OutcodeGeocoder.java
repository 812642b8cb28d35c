package org.signpost.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.signpost.search.GeoPoint;

/**
 * Outward-code centroids for the demo area, from the bundled {@code outcodes.csv}. Answers outward
 * codes only; full postcodes need the postcode table. Immutable and thread-safe.
 */
public final class OutcodeGeocoder implements Geocoder {
  private final Map<String, GeoPoint> centroids;

  private OutcodeGeocoder(Map<String, GeoPoint> centroids) {
    this.centroids = Map.copyOf(centroids);
  }

  /** The centroids shipped with the code. */
  public static OutcodeGeocoder bundled() {
    try (InputStream in = OutcodeGeocoder.class.getResourceAsStream("outcodes.csv")) {
      if (in == null) {
        throw new IllegalStateException("bundled outcodes.csv is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, GeoPoint> out = new HashMap<>();
      reader.readLine();
      for (String line; (line = reader.readLine()) != null; ) {
        String[] cells = line.split(",");
        if (cells.length >= 3) {
          out.put(
              cells[0].trim().toUpperCase(java.util.Locale.ROOT),
              new GeoPoint(Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
        }
      }
      return new OutcodeGeocoder(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<GeoPoint> locate(String code) {
    return Optional.ofNullable(centroids.get(code));
  }
}
