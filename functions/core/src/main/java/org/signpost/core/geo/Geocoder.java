package org.signpost.core.geo;

import java.util.Optional;
import org.signpost.search.GeoPoint;

/** Port: finds the centroid of a UK postcode or outward code. Implementations are thread-safe. */
public interface Geocoder {

  /**
   * The centroid of a normalised code: a full postcode such as {@code B11 4AB} (one space, upper
   * case) or an outward code such as {@code B11}.
   */
  Optional<GeoPoint> locate(String code);

  /** Tries this geocoder, then the other. */
  default Geocoder orElse(Geocoder other) {
    return code -> {
      Optional<GeoPoint> found = locate(code);
      return found.isPresent() ? found : other.locate(code);
    };
  }
}
