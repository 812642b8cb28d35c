package org.signpost.core.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.links.SignedLinks;

/**
 * The receiving group's one-tap answer to "did they come?": a signed, single-purpose, expiring link
 * that needs no sign-in. A final answer (came, did not come) moves the referral and tells the
 * prescriber; the link then refuses a second answer. "Still waiting" changes nothing and keeps the
 * link usable. Thread-safe if its ports are.
 */
public final class Attendance {
  /** The link's purpose, so no other signed link can stand in for it. */
  static final String PURPOSE = "attend";

  /** How long a link works: the 12-week follow-up window with room to spare. */
  public static final Duration VALID_FOR = Duration.ofDays(120);

  /** Who the history names for a move made through the link. */
  public static final String BY = "organisation-link";

  private final ReferralRepository referrals;
  private final RequestGuards guards;
  private final ReferralNotices notices;
  private final SignedLinks links;
  private final Clock clock;
  private final Duration retention;

  /** The answers a group can give. */
  public enum Answer {
    CAME(ReferralStatus.ATTENDED),
    DID_NOT_COME(ReferralStatus.DID_NOT_ATTEND),
    STILL_WAITING(null);

    private final ReferralStatus status;

    Answer(ReferralStatus status) {
      this.status = status;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Answer> parse(String code) {
      for (Answer answer : values()) {
        if (answer.code().equals(code)) {
          return Optional.of(answer);
        }
      }
      return Optional.empty();
    }
  }

  /** What a link shows or did. */
  public sealed interface Outcome permits Open, Recorded, AlreadyAnswered, Expired, Invalid {}

  /** The link works and waits for an answer. */
  public record Open(Referral referral) implements Outcome {}

  /** The answer was recorded (for still waiting, only passed on to the prescriber). */
  public record Recorded(Referral referral, Answer answer) implements Outcome {}

  /** The link was used already, or the referral has moved past the point of asking. */
  public record AlreadyAnswered(Referral referral) implements Outcome {}

  /** The link was genuine but is too old. */
  public record Expired() implements Outcome {}

  /** Not a link we sent, altered, or its referral has been deleted. */
  public record Invalid() implements Outcome {}

  Attendance(
      ReferralRepository referrals,
      RequestGuards guards,
      ReferralNotices notices,
      SignedLinks links,
      Clock clock,
      Duration retention) {
    this.referrals = referrals;
    this.guards = guards;
    this.notices = notices;
    this.links = links;
    this.clock = clock;
    this.retention = retention;
  }

  /** A new link token for a referral's receiving group. */
  public String issue(Referral referral) {
    return issue(links, clock, referral);
  }

  static String issue(SignedLinks links, Clock clock, Referral referral) {
    return links.issue(PURPOSE, referral.id(), clock.instant().plus(VALID_FOR));
  }

  /** What {@code GET} on the link shows; changes nothing. */
  public Outcome open(String token) {
    return switch (links.check(PURPOSE, token, clock.instant())) {
      case SignedLinks.Invalid invalid -> new Invalid();
      case SignedLinks.Expired expired -> new Expired();
      case SignedLinks.Valid valid -> {
        Optional<Referral> referral = referrals.find(valid.subject());
        if (referral.isEmpty()) {
          yield new Invalid();
        }
        yield referral.get().status().awaitsAttendance() && !used(valid)
            ? new Open(referral.get())
            : new AlreadyAnswered(referral.get());
      }
    };
  }

  /** Records a tap. A bad answer code is a validation error; a bad link is an outcome. */
  public Outcome answer(String token, String answerCode) {
    Answer answer =
        Answer.parse(answerCode)
            .orElseThrow(
                () ->
                    SignpostException.Invalid.of(
                        "answer", "one of came, did_not_come, still_waiting"));
    Outcome opened = open(token);
    if (!(opened instanceof Open open)) {
      return opened;
    }
    SignedLinks.Valid valid = (SignedLinks.Valid) links.check(PURPOSE, token, clock.instant());
    if (answer == Answer.STILL_WAITING) {
      // At most one "still waiting" notice per link and day, however often it is tapped.
      Instant day = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      if (guards.once("attend-wait|" + valid.tokenId() + "|" + day, day.plus(Duration.ofDays(2)))) {
        notices.stillWaiting(open.referral());
      }
      return new Recorded(open.referral(), answer);
    }
    // Claim the link first: of two racing taps only one may move the referral.
    if (!guards.once(usedKey(valid), valid.expires())) {
      return new AlreadyAnswered(open.referral());
    }
    Referral current = open.referral();
    for (int attempt = 0; ; attempt++) {
      if (!current.status().awaitsAttendance()) {
        return new AlreadyAnswered(current);
      }
      Instant now = clock.instant();
      try {
        Referral moved =
            referrals.update(
                current.moved(new StatusChange(answer.status, BY, now, null), now.plus(retention)));
        notices.moved(moved);
        return new Recorded(moved, answer);
      } catch (SignpostException.PreconditionFailed changedMeanwhile) {
        if (attempt >= 2) {
          throw changedMeanwhile;
        }
        current = referrals.find(current.id()).orElseThrow(() -> changedMeanwhile);
      }
    }
  }

  private boolean used(SignedLinks.Valid valid) {
    return guards.marked(usedKey(valid));
  }

  private static String usedKey(SignedLinks.Valid valid) {
    return "attend-used|" + valid.tokenId();
  }
}
