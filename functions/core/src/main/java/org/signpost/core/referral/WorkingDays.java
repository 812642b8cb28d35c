package org.signpost.core.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.signpost.core.time.Clocks;

/**
 * Working-day arithmetic in UK local time. Bank holidays are not counted as non-working days: a
 * reminder a day early is harmless, and the list changes every year. Stateless.
 */
public final class WorkingDays {
  private WorkingDays() {}

  /** The instant that is {@code days} working days (Monday–Friday) after {@code start}. */
  public static Instant after(Instant start, int days) {
    ZonedDateTime at = start.atZone(Clocks.LONDON);
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return at.toInstant();
  }
}
