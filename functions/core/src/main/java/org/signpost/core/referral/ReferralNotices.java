package org.signpost.core.referral;

import java.time.Clock;
import java.util.UUID;
import org.signpost.core.links.SignedLinks;
import org.signpost.core.listing.Listing;

/**
 * Writes the loop's notifications to the outbox. Texts name the reference and the portal, never the
 * person, so a misdirected email leaks nothing. Stateless apart from its ports.
 */
final class ReferralNotices {
  /** Where a general request or a listing without an email is triaged. */
  static final String ADMINS = "admins";

  private final Notifications outbox;
  private final Clock clock;
  private final SignedLinks links;

  ReferralNotices(Notifications outbox, Clock clock, SignedLinks links) {
    this.outbox = outbox;
    this.clock = clock;
    this.links = links;
  }

  /** The group's one-tap attendance link, for a referral to a listing. */
  private String attendanceLine(Referral r) {
    if (r.organisationId() == null) {
      return "";
    }
    return " When you know whether the person came, tap one answer here (no sign-in needed): /attend/"
        + Attendance.issue(links, clock, r);
  }

  void created(Referral r, Listing listing) {
    String subject = (r.urgent() ? "URGENT: " : "") + "New referral " + r.reference();
    String body =
        "A new referral "
            + r.reference()
            + (r.listingName() == null ? "" : " for " + r.listingName())
            + " is waiting."
            + (r.urgent()
                ? " The person's words suggest they may be in crisis: please contact them today."
                : "")
            + " Open your referrals page to see the details: /portal/referrals."
            + attendanceLine(r);
    send("new_referral", recipient(listing), r, subject, body);
  }

  void moved(Referral r) {
    if (r.referrerSubject() != null) {
      send(
          "status_changed",
          r.referrerEmail() != null ? r.referrerEmail() : "user:" + r.referrerSubject(),
          r,
          "Referral " + r.reference() + " is now " + r.status().code().replace('_', ' '),
          "Referral "
              + r.reference()
              + " is now "
              + r.status().code().replace('_', ' ')
              + ". See /api/referrals/"
              + r.id());
    }
  }

  void reminder(Referral r, Listing listing) {
    send(
        "reminder",
        recipient(listing),
        r,
        "Reminder: referral " + r.reference() + " is still new",
        "Referral "
            + r.reference()
            + " has waited three working days for first contact. Open /portal/referrals."
            + attendanceLine(r));
  }

  void stillWaiting(Referral r) {
    if (r.referrerSubject() != null) {
      send(
          "still_waiting",
          r.referrerEmail() != null ? r.referrerEmail() : "user:" + r.referrerSubject(),
          r,
          "Referral " + r.reference() + ": the group is still waiting",
          "The group says they are still waiting for the person on referral "
              + r.reference()
              + ". See /api/referrals/"
              + r.id());
    }
  }

  private void send(String kind, String to, Referral r, String subject, String body) {
    outbox.add(
        new Notifications.Notification(
            "ntf-" + UUID.randomUUID(), kind, to, r.id(), subject, body, clock.instant()));
  }

  private static String recipient(Listing listing) {
    if (listing == null || listing.content().contact().email() == null) {
      return ADMINS;
    }
    return listing.content().contact().email();
  }
}
