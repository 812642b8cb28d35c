package org.signpost.core.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextSessionTest {
  private static final LocalDateTime FRIDAY_NOON = LocalDateTime.parse("2026-11-27T12:00");

  private static ListingContent.Schedule weekly(ListingContent.WeeklySession... sessions) {
    return new ListingContent.Schedule(List.of(sessions), List.of(), null, null, List.of());
  }

  @Test
  void weeklySession_laterToday_isNext_andOneThatEndedIsNot() {
    var today = new ListingContent.WeeklySession("fri", "14:00", "15:00", "weekly", null, null);
    var morning = new ListingContent.WeeklySession("fri", "09:00", "10:00", "weekly", null, null);

    assertThat(NextSession.after(weekly(today), FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-11-27T14:00"));
    assertThat(NextSession.after(weekly(morning), FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-04T09:00"));
  }

  @Test
  void monthlyFirstMonday_andLastThursday_andFortnightly() {
    var firstMonday = new ListingContent.WeeklySession("mon", "18:00", "20:00", "monthly", 1, null);
    var lastThursday =
        new ListingContent.WeeklySession("thu", "10:00", "11:00", "monthly", -1, null);
    var fortnightly =
        new ListingContent.WeeklySession(
            "tue", "10:00", "11:00", "fortnightly", null, "2026-11-24");

    assertThat(NextSession.after(weekly(firstMonday), FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-07T18:00"));
    assertThat(NextSession.after(weekly(lastThursday), FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-31T10:00"));
    assertThat(NextSession.after(weekly(fortnightly), FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-08T10:00"));
  }

  @Test
  void closures_validity_andOneOffSessions_areHonoured() {
    var tuesday = new ListingContent.WeeklySession("tue", "10:00", "11:00", "weekly", null, null);
    var closed =
        new ListingContent.Schedule(
            List.of(tuesday),
            List.of(),
            null,
            null,
            List.of(new ListingContent.Closure("2026-11-30", "2026-12-06", "Half term")));
    var oneOff =
        new ListingContent.Schedule(
            List.of(),
            List.of(new ListingContent.OneOffSession("2026-12-12", "11:00", "14:00")),
            null,
            null,
            List.of());
    var expired =
        new ListingContent.Schedule(List.of(tuesday), List.of(), null, "2026-11-01", List.of());

    assertThat(NextSession.after(closed, FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-08T10:00"));
    assertThat(NextSession.after(oneOff, FRIDAY_NOON))
        .contains(LocalDateTime.parse("2026-12-12T11:00"));
    assertThat(NextSession.after(expired, FRIDAY_NOON)).isEmpty();
  }
}
