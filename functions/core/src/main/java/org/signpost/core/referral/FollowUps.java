package org.signpost.core.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.links.SignedLinks;

/**
 * Wellbeing check-ins after a referral: with the person's consent, housekeeping sends a private
 * link at 6 and 12 weeks asking the four ONS4 questions; the answers are stored on the referral (so
 * they expire with it), shown only to the referrer and admins, and the person can stop further
 * check-ins from the same page. Thread-safe if its ports are.
 */
public final class FollowUps {
  /** The link's purpose, so no other signed link can stand in for it. */
  static final String PURPOSE = "checkin";

  /** How long a check-in link works. */
  public static final Duration VALID_FOR = Duration.ofDays(28);

  private final ReferralRepository referrals;
  private final Notifications outbox;
  private final SignedLinks links;
  private final Clock clock;

  /** What a check-in link shows or did. */
  public sealed interface Outcome
      permits Open, Answered, AlreadyAnswered, Stopped, Expired, Invalid {}

  /** The link works; the page asks the four questions. */
  public record Open(Referral referral, int week) implements Outcome {}

  /** The answers were stored. */
  public record Answered(Referral referral, int week) implements Outcome {}

  /** This check-in was answered already; nothing changed. */
  public record AlreadyAnswered(int week) implements Outcome {}

  /** The person stopped check-ins (now or before); nothing more is sent or stored. */
  public record Stopped() implements Outcome {}

  /** The link was genuine but is too old. */
  public record Expired() implements Outcome {}

  /** Not a link we sent, altered, or its referral has been deleted. */
  public record Invalid() implements Outcome {}

  FollowUps(ReferralRepository referrals, Notifications outbox, SignedLinks links, Clock clock) {
    this.referrals = referrals;
    this.outbox = outbox;
    this.links = links;
    this.clock = clock;
  }

  /** Sends every check-in that is due and not yet sent; returns how many. Idempotent. */
  public int sendDue() {
    Instant now = clock.instant();
    int sent = 0;
    for (Referral r : referrals.all()) {
      Optional<Contact> contact = contact(r);
      if (!r.followUps() || contact.isEmpty()) {
        continue;
      }
      for (int week : CheckIn.WEEKS) {
        if (r.checkIn(week).isPresent()
            || r.createdAt().plus(Duration.ofDays(7L * week)).isAfter(now)) {
          continue;
        }
        // Only the 12-week one when both are due (a late first pass): one message, not two.
        if (week == 6 && r.createdAt().plus(Duration.ofDays(7L * 12)).compareTo(now) <= 0) {
          continue;
        }
        List<CheckIn> more = new ArrayList<>(r.checkIns());
        more.add(new CheckIn(week, now, null, List.of()));
        Referral claimed;
        try {
          claimed = referrals.update(r.withFollowUps(true, more));
        } catch (SignpostException.PreconditionFailed changedMeanwhile) {
          break; // the next pass sees the new version
        }
        String token = links.issue(PURPOSE, r.id() + "_" + week, now.plus(VALID_FOR));
        boolean text = contact.get().channel() == Notifications.Channel.SMS;
        outbox.add(
            new Notifications.Notification(
                "ntf-" + UUID.randomUUID(),
                "check_in",
                contact.get().address(),
                r.id(),
                "How are you doing? (" + r.reference() + ")",
                text
                    // A text message stays short: with the site's address in front of the link it
                    // fits in two segments (306 characters); the signed token alone is about 110.
                    ? "Signpost "
                        + r.reference()
                        + ": how are you doing? A few short questions, or stop these texts: /c/"
                        + token
                    : "It is "
                        + week
                        + " weeks since you were referred ("
                        + r.reference()
                        + "). Four short questions help us know if it is helping: /c/"
                        + token
                        + " (the link works for 28 days). You can also stop these messages there.",
                now,
                contact.get().channel()));
        sent++;
        r = claimed;
      }
    }
    return sent;
  }

  /** What {@code GET} on the link shows; changes nothing. */
  public Outcome open(String token) {
    return switch (links.check(PURPOSE, token, clock.instant())) {
      case SignedLinks.Invalid invalid -> new Invalid();
      case SignedLinks.Expired expired -> new Expired();
      case SignedLinks.Valid valid -> {
        int cut = valid.subject().lastIndexOf('_');
        if (cut < 0) {
          yield new Invalid();
        }
        int week = Integer.parseInt(valid.subject().substring(cut + 1).replaceAll("\\D", "0"));
        Referral r = referrals.find(valid.subject().substring(0, cut)).orElse(null);
        if (r == null || r.checkIn(week).isEmpty()) {
          yield new Invalid();
        }
        if (!r.followUps()) {
          yield new Stopped();
        }
        yield r.checkIn(week).get().answered() ? new AlreadyAnswered(week) : new Open(r, week);
      }
    };
  }

  /**
   * Stores the person's four answers.
   *
   * @throws SignpostException.Invalid naming {@code ons4} when the scores are not four 0–10 values
   */
  public Outcome answer(String token, List<Integer> scores) {
    return answer(token, scores, List.of());
  }

  /**
   * Stores the person's ONS4 answers and, where the prescriber asked for SWEMWBS, its seven item
   * scores (all seven or none).
   *
   * @throws SignpostException.Invalid naming {@code ons4} when the scores are not four 0–10 values,
   *     and {@code swemwbs} when they are not seven 1–5 values or SWEMWBS was not asked
   */
  public Outcome answer(String token, List<Integer> scores, List<Integer> swemwbs) {
    Outcome opened = open(token);
    if (!(opened instanceof Open open)) {
      return opened;
    }
    List<ReferralValidator.Issue> issues = new ArrayList<>(ReferralValidator.ons4("ons4", scores));
    if (!swemwbs.isEmpty()) {
      issues.addAll(
          open.referral().checkInPlan().swemwbs()
              ? Swemwbs.check("swemwbs", swemwbs)
              : List.of(
                  new ReferralValidator.Issue(
                      "swemwbs", "err_swemwbs", "was not asked at this check-in")));
    }
    if (!issues.isEmpty()) {
      throw new SignpostException.Invalid(
          "the answers need fixing",
          issues.stream().map(i -> new FieldError(i.field(), i.english())).toList());
    }
    Referral r = open.referral();
    List<CheckIn> answered = new ArrayList<>();
    for (CheckIn c : r.checkIns()) {
      answered.add(c.week() == open.week() ? c.answered(clock.instant(), scores, swemwbs) : c);
    }
    try {
      return new Answered(referrals.update(r.withFollowUps(true, answered)), open.week());
    } catch (SignpostException.PreconditionFailed changedMeanwhile) {
      // Another tab or the housekeeping pass wrote first: answer against the fresh copy once.
      return retry(token, scores, swemwbs);
    }
  }

  private Outcome retry(String token, List<Integer> scores, List<Integer> swemwbs) {
    Outcome opened = open(token);
    if (!(opened instanceof Open open)) {
      return opened;
    }
    List<CheckIn> answered = new ArrayList<>();
    for (CheckIn c : open.referral().checkIns()) {
      answered.add(c.week() == open.week() ? c.answered(clock.instant(), scores, swemwbs) : c);
    }
    return new Answered(
        referrals.update(open.referral().withFollowUps(true, answered)), open.week());
  }

  /** Stops further check-ins; answers already given stay with the referral until it expires. */
  public Outcome stop(String token) {
    Outcome opened = open(token);
    Referral r =
        switch (opened) {
          case Open open -> open.referral();
          case AlreadyAnswered already -> referralOf(token);
          default -> null;
        };
    if (r == null) {
      return opened;
    }
    referrals.update(r.withFollowUps(false, r.checkIns()));
    return new Stopped();
  }

  private Referral referralOf(String token) {
    SignedLinks.Valid valid = (SignedLinks.Valid) links.check(PURPOSE, token, clock.instant());
    String id = valid.subject().substring(0, valid.subject().lastIndexOf('_'));
    return referrals.find(id).orElse(null);
  }

  /** Where check-ins go and how. */
  private record Contact(String address, Notifications.Channel channel) {}

  /**
   * The person's choice at consent ({@code email} or {@code sms}); without one, email when there is
   * one, else a text message to the phone. Empty when the chosen route has no usable address.
   */
  private static Optional<Contact> contact(Referral r) {
    String email = r.person().email();
    Optional<Contact> byEmail =
        email == null || email.isBlank()
            ? Optional.empty()
            : Optional.of(new Contact(email, Notifications.Channel.EMAIL));
    Optional<Contact> bySms =
        PhoneNumbers.e164(r.person().phone())
            .filter(PhoneNumbers::textable)
            .map(number -> new Contact(number, Notifications.Channel.SMS));
    String chosen = r.checkInPlan().channel();
    if ("sms".equals(chosen)) {
      return bySms;
    }
    if ("email".equals(chosen)) {
      return byEmail;
    }
    return byEmail.or(() -> bySms);
  }
}
