package org.signpost.handlers.hsds;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads the date spellings CSV packages use ("2026-01-31", "January 31, 2026"). Stateless. */
final class Dates {
  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH));

  private Dates() {}

  /** The date as YYYY-MM-DD, or null when it is not a plausible date (such as year 0001). */
  static String iso(String raw) {
    if (raw == null) {
      return null;
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        LocalDate date = LocalDate.parse(raw.strip(), format);
        return date.getYear() < 1900 ? null : date.toString();
      } catch (DateTimeParseException e) {
        // try the next spelling
      }
    }
    return null;
  }
}
