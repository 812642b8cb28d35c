package org.signpost.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request for a person to join an activity (or, with no listing, to be helped to find one).
 * Personal data: visible only to the referrer, the receiving organisation and admins.
 *
 * @param reference what the person and the group quote to each other, such as {@code SP-3F6C1E0A}
 * @param listingId the activity, or null for a general "help me find something" request
 * @param organisationId who receives it; null for a general request (admins triage those)
 * @param source {@code self} or {@code prescriber}
 * @param referrerSubject the prescriber's user id; null for a self-referral
 * @param referrerEmail where "status changed" notices go; null for a self-referral
 * @param ons4 the four ONS wellbeing scores (0–10) at referral, or an empty list
 * @param consentVersion which consent text the person agreed to
 * @param urgent the free text signalled distress
 * @param tokenHash SHA-256 of the private status link's token; the token itself is never stored
 * @param expiresAt when the retention period ends; renewed by every change
 * @param remindedAt when the "still new" reminder went out, or null
 * @param bodyHash hash of what was submitted, so a replayed idempotency key can be checked
 * @param followUps the person agreed to wellbeing check-ins at 6 and 12 weeks and has not withdrawn
 * @param checkIns the check-ins sent so far, with any answers
 * @param checkInPlan how check-ins go out and what they ask (SWEMWBS as well, where asked)
 */
public record Referral(
    String id,
    String reference,
    String listingId,
    String listingName,
    String organisationId,
    String source,
    String referrerSubject,
    String referrerEmail,
    Person person,
    List<String> needs,
    String freeText,
    String reason,
    List<Integer> ons4,
    String consentVersion,
    Instant consentAt,
    boolean urgent,
    ReferralStatus status,
    List<StatusChange> history,
    Instant createdAt,
    Instant updatedAt,
    Instant firstContactAt,
    String tokenHash,
    Instant expiresAt,
    Instant remindedAt,
    String bodyHash,
    long version,
    boolean followUps,
    List<CheckIn> checkIns,
    CheckInPlan checkInPlan) {
  public static final String SELF = "self";
  public static final String PRESCRIBER = "prescriber";

  public Referral {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(status, "status");
    needs = List.copyOf(needs);
    ons4 = List.copyOf(ons4);
    history = List.copyOf(history);
    checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
    checkInPlan = checkInPlan == null ? CheckInPlan.DEFAULT : checkInPlan;
    freeText = freeText == null ? "" : freeText;
    reason = reason == null ? "" : reason;
  }

  /** Minutes from sending to first contact, or null before anyone made contact. */
  public Long minutesToFirstContact() {
    return firstContactAt == null
        ? null
        : java.time.Duration.between(createdAt, firstContactAt).toMinutes();
  }

  /** This referral after a move to another status. */
  public Referral moved(StatusChange change, Instant expires) {
    List<StatusChange> longer = new java.util.ArrayList<>(history);
    longer.add(change);
    Instant firstContact =
        firstContactAt == null && change.status() != ReferralStatus.CLOSED
            ? change.at()
            : firstContactAt;
    return new Referral(
        id,
        reference,
        listingId,
        listingName,
        organisationId,
        source,
        referrerSubject,
        referrerEmail,
        person,
        needs,
        freeText,
        reason,
        ons4,
        consentVersion,
        consentAt,
        urgent,
        change.status(),
        longer,
        createdAt,
        change.at(),
        firstContact,
        tokenHash,
        expires,
        remindedAt,
        bodyHash,
        version,
        followUps,
        checkIns,
        checkInPlan);
  }

  public Referral reminded(Instant at) {
    return new Referral(
        id,
        reference,
        listingId,
        listingName,
        organisationId,
        source,
        referrerSubject,
        referrerEmail,
        person,
        needs,
        freeText,
        reason,
        ons4,
        consentVersion,
        consentAt,
        urgent,
        status,
        history,
        createdAt,
        updatedAt,
        firstContactAt,
        tokenHash,
        expiresAt,
        at,
        bodyHash,
        version,
        followUps,
        checkIns,
        checkInPlan);
  }

  /** This referral with another follow-up consent and check-ins. */
  public Referral withFollowUps(boolean consent, List<CheckIn> newCheckIns) {
    return new Referral(
        id,
        reference,
        listingId,
        listingName,
        organisationId,
        source,
        referrerSubject,
        referrerEmail,
        person,
        needs,
        freeText,
        reason,
        ons4,
        consentVersion,
        consentAt,
        urgent,
        status,
        history,
        createdAt,
        updatedAt,
        firstContactAt,
        tokenHash,
        expiresAt,
        remindedAt,
        bodyHash,
        version,
        consent,
        newCheckIns,
        checkInPlan);
  }

  /**
   * Wellbeing scores and check-in answers are for the referrer and admins only, never for the
   * receiving organisation.
   */
  public boolean scoresVisibleTo(org.signpost.core.auth.Caller caller) {
    return caller.isAdmin()
        || (referrerSubject != null && referrerSubject.equals(caller.subject()));
  }

  /** The check-in of a week, if it was sent. */
  public java.util.Optional<CheckIn> checkIn(int week) {
    return checkIns.stream().filter(c -> c.week() == week).findFirst();
  }

  @Override
  public String toString() {
    return "Referral[" + id + ", " + status.code() + "]";
  }
}
