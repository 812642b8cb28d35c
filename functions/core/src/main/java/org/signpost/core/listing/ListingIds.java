package org.signpost.core.listing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates listing ids: short, random and URL-safe. Thread-safe. */
public final class ListingIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ListingIds() {}

  public static String next() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "lst-" + HexFormat.of().formatHex(bytes);
  }
}
