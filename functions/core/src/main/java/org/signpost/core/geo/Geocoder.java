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

  /**
   * Falls back from a full postcode to its outward code's centroid (within a couple of kilometres)
   * while {@code noFullPostcodes} says no postcode table is loaded, so a person who types their
   * whole postcode into a fresh install still gets results. Once the table is loaded, an unknown
   * full postcode stays unknown.
   */
  default Geocoder withOutwardFallback(java.util.function.BooleanSupplier noFullPostcodes) {
    return code -> {
      Optional<GeoPoint> found = locate(code);
      int space = code.indexOf(' ');
      if (found.isPresent() || space < 0 || !noFullPostcodes.getAsBoolean()) {
        return found;
      }
      return locate(code.substring(0, space));
    };
  }

  /** Tries this geocoder, then the other. */
  default Geocoder orElse(Geocoder other) {
    return code -> {
      Optional<GeoPoint> found = locate(code);
      return found.isPresent() ? found : other.locate(code);
    };
  }
}
