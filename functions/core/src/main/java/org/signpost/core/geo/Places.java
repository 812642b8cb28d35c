package org.signpost.core.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.core.errors.SignpostException;
import org.signpost.search.GeoPoint;

/**
 * Reads the {@code near} parameter: {@code lat,lon}, a full UK postcode or an outward code.
 * Stateless apart from its geocoder; thread-safe.
 */
public final class Places {
  private static final Pattern LAT_LON =
      Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
  private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]?");
  private static final Pattern FULL = Pattern.compile("([A-Z]{1,2}\\d[A-Z\\d]?)\\s*(\\d[A-Z]{2})");

  private final Geocoder geocoder;

  public Places(Geocoder geocoder) {
    this.geocoder = geocoder;
  }

  /** Normalises a postcode to upper case with one space before the inward code, if it is one. */
  public static Optional<String> normalisePostcode(String raw) {
    String compact = raw.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    Matcher full = FULL.matcher(compact);
    if (full.matches()) {
      return Optional.of(full.group(1) + " " + full.group(2));
    }
    return Optional.empty();
  }

  /**
   * The outward code of a postcode or outward code, such as {@code B11} for {@code "b11 4ab"};
   * empty for {@code lat,lon} or anything else. Only the district is kept, never the full postcode.
   */
  public static Optional<String> outwardCode(String near) {
    Optional<String> postcode = normalisePostcode(near);
    if (postcode.isPresent()) {
      return Optional.of(postcode.get().substring(0, postcode.get().indexOf(' ')));
    }
    String outward = near.strip().toUpperCase(Locale.ROOT);
    return OUTWARD.matcher(outward).matches() ? Optional.of(outward) : Optional.empty();
  }

  /**
   * The point for {@code near}.
   *
   * @throws SignpostException.Invalid naming {@code near} when it is malformed or unknown
   */
  public GeoPoint resolve(String near) {
    Matcher latLon = LAT_LON.matcher(near);
    if (latLon.matches()) {
      double lat = Double.parseDouble(latLon.group(1));
      double lon = Double.parseDouble(latLon.group(2));
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        throw SignpostException.Invalid.of("near", "latitude or longitude is out of range");
      }
      return new GeoPoint(lat, lon);
    }
    Optional<String> postcode = normalisePostcode(near);
    if (postcode.isPresent()) {
      return geocoder
          .locate(postcode.get())
          .orElseThrow(
              () ->
                  SignpostException.Invalid.of(
                      "near", "unknown postcode '" + postcode.get() + "'"));
    }
    String outward = near.strip().toUpperCase(Locale.ROOT);
    if (OUTWARD.matcher(outward).matches()) {
      return geocoder
          .locate(outward)
          .orElseThrow(
              () ->
                  SignpostException.Invalid.of(
                      "near", "unknown postcode district '" + outward + "'"));
    }
    throw SignpostException.Invalid.of(
        "near", "give a UK postcode, an outward code such as B11, or lat,lon");
  }
}
