package org.signpost.core.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Time conventions shared by every module. */
public final class Clocks {
  /** Listings are in the UK; schedules and "open now" use this zone. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /**
   * Fixed-width UTC instants with milliseconds, so that they sort as strings in DynamoDB keys (the
   * change log relies on it).
   */
  private static final DateTimeFormatter SORTABLE =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
          .appendLiteral('Z')
          .toFormatter()
          .withZone(java.time.ZoneOffset.UTC);

  private Clocks() {}

  public static String sortable(Instant instant) {
    return SORTABLE.format(instant);
  }
}
