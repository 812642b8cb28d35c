package org.signpost.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GeocoderFallbackTest {
  private final OutcodeGeocoder outcodes = OutcodeGeocoder.bundled();

  @Test
  void fullPostcode_fallsBackToItsDistrict_onlyWhileNoPostcodeTableIsLoaded() {
    AtomicBoolean tableEmpty = new AtomicBoolean(true);
    Geocoder geocoder = outcodes.withOutwardFallback(tableEmpty::get);

    assertThat(geocoder.locate("B11 4AB")).isEqualTo(outcodes.locate("B11")).isPresent();
    assertThat(geocoder.locate("ZZ9 9ZZ")).isEmpty();

    tableEmpty.set(false);
    assertThat(geocoder.locate("B11 4AB")).isEmpty();
    assertThat(geocoder.locate("B11")).isPresent();
  }
}
