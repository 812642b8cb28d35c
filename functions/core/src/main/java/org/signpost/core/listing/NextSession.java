package org.signpost.core.listing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Works out when a schedule next runs, honouring frequency, validity and closures. Stateless and
 * thread-safe; all times are local to the listing (Europe/London).
 */
public final class NextSession {
  /** How far ahead to look; a listing with nothing in this window shows no next session. */
  static final int HORIZON_DAYS = 120;

  private NextSession() {}

  /** The start of the first session that ends after {@code now}, if any within the horizon. */
  public static Optional<LocalDateTime> after(ListingContent.Schedule schedule, LocalDateTime now) {
    LocalDateTime best = null;
    for (ListingContent.OneOffSession s : schedule.oneOff()) {
      LocalDate date = LocalDate.parse(s.date());
      LocalDateTime end = date.atTime(LocalTime.parse(s.end()));
      if (end.isAfter(now) && open(schedule, date)) {
        LocalDateTime start = date.atTime(LocalTime.parse(s.start()));
        best = earlier(best, start);
      }
    }
    LocalDate today = now.toLocalDate();
    for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
      LocalDate date = today.plusDays(offset);
      if (best != null && date.isAfter(best.toLocalDate())) {
        break;
      }
      if (!open(schedule, date)) {
        continue;
      }
      for (ListingContent.WeeklySession s : schedule.weekly()) {
        if (runsOn(s, date)) {
          LocalDateTime end = date.atTime(LocalTime.parse(s.end()));
          if (end.isAfter(now)) {
            best = earlier(best, date.atTime(LocalTime.parse(s.start())));
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when the weekly session runs on this date, ignoring validity and closures. */
  public static boolean runsOn(ListingContent.WeeklySession s, LocalDate date) {
    DayOfWeek day = dayOf(s.day());
    if (date.getDayOfWeek() != day) {
      return false;
    }
    String frequency = s.frequency() == null ? "weekly" : s.frequency();
    return switch (frequency) {
      case "fortnightly" -> {
        LocalDate anchor = LocalDate.parse(s.anchorDate());
        yield Math.floorMod(ChronoUnit.DAYS.between(anchor, date) / 7, 2) == 0;
      }
      case "monthly" -> {
        int week = s.weekOfMonth() == null ? 1 : s.weekOfMonth();
        LocalDate target =
            week == -1
                ? date.with(TemporalAdjusters.lastInMonth(day))
                : date.with(TemporalAdjusters.dayOfWeekInMonth(week, day));
        yield target.equals(date);
      }
      default -> true;
    };
  }

  /** True when the schedule is valid on this date and no closure covers it. */
  public static boolean open(ListingContent.Schedule schedule, LocalDate date) {
    if (schedule.validFrom() != null && date.isBefore(LocalDate.parse(schedule.validFrom()))) {
      return false;
    }
    if (schedule.validTo() != null && date.isAfter(LocalDate.parse(schedule.validTo()))) {
      return false;
    }
    for (ListingContent.Closure closure : schedule.closures()) {
      if (!date.isBefore(LocalDate.parse(closure.from()))
          && !date.isAfter(LocalDate.parse(closure.to()))) {
        return false;
      }
    }
    return true;
  }

  private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  public static DayOfWeek dayOf(String day) {
    return switch (day) {
      case "mon" -> DayOfWeek.MONDAY;
      case "tue" -> DayOfWeek.TUESDAY;
      case "wed" -> DayOfWeek.WEDNESDAY;
      case "thu" -> DayOfWeek.THURSDAY;
      case "fri" -> DayOfWeek.FRIDAY;
      case "sat" -> DayOfWeek.SATURDAY;
      case "sun" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("unknown day: " + day);
    };
  }
}
