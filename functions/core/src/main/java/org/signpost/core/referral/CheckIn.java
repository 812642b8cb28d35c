package org.signpost.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One wellbeing check-in sent to the person after a referral, and their ONS4 answers once given.
 *
 * @param week 6 or 12: weeks after the referral
 * @param sentAt when the private link went to the outbox
 * @param answeredAt when the person answered, or null
 * @param ons4 the four ONS scores 0–10 (satisfied, worthwhile, happy, anxious), empty until
 *     answered
 * @param swemwbs the seven SWEMWBS item scores 1–5 when they were asked and given, else empty
 */
public record CheckIn(
    int week, Instant sentAt, Instant answeredAt, List<Integer> ons4, List<Integer> swemwbs) {
  /** The weeks after referral at which check-ins go out. */
  public static final List<Integer> WEEKS = List.of(6, 12);

  public CheckIn {
    Objects.requireNonNull(sentAt, "sentAt");
    ons4 = ons4 == null ? List.of() : List.copyOf(ons4);
    swemwbs = swemwbs == null ? List.of() : List.copyOf(swemwbs);
    if (!WEEKS.contains(week)) {
      throw new IllegalArgumentException("a check-in is at week 6 or 12, not " + week);
    }
  }

  /** A check-in with ONS4 only. */
  public CheckIn(int week, Instant sentAt, Instant answeredAt, List<Integer> ons4) {
    this(week, sentAt, answeredAt, ons4, List.of());
  }

  public boolean answered() {
    return answeredAt != null;
  }

  /** This check-in with the person's answers. */
  public CheckIn answered(Instant at, List<Integer> scores, List<Integer> swemwbsItems) {
    return new CheckIn(week, sentAt, at, scores, swemwbsItems);
  }
}
