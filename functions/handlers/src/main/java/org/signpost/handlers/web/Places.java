package org.signpost.handlers.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.referral.ReferralValidator;
import org.signpost.search.GeoPoint;

/**
 * Turns a postcode or outward code into the centre of its outward area, from the bundled outcode
 * table. Coarse on purpose: a search needs only the area, and nobody's full address is sent
 * anywhere. Immutable; thread-safe.
 */
public final class Places {
  private final Map<String, GeoPoint> outcodes = new HashMap<>();

  public Places() {
    try (var in = Places.class.getResourceAsStream("/org/signpost/core/geo/outcodes.csv")) {
      if (in == null) {
        throw new IllegalStateException("outcodes.csv is missing from core");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split(",");
        if (parts.length == 3) {
          outcodes.put(
              parts[0].trim(),
              new GeoPoint(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The centre of the postcode's outward area, if it is a postcode we know. */
  public Optional<GeoPoint> find(String postcode) {
    if (postcode == null || postcode.isBlank()) {
      return Optional.empty();
    }
    String outward = ReferralValidator.outward(postcode);
    return outward == null ? Optional.empty() : Optional.ofNullable(outcodes.get(outward));
  }
}
