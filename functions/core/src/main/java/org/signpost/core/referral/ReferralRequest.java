package org.signpost.core.referral;

import java.util.List;

/**
 * What a person (self-referral) or a prescriber submits. Raw input: {@link ReferralValidator}
 * checks it before anything is stored.
 *
 * @param listingId the activity, or null/blank for a general "help me find something" request
 * @param ons4 prescriber only: four wellbeing scores 0–10, or empty
 * @param reason prescriber only: why they refer
 * @param idempotencyKey optional; the same key with the same answers stores one referral
 * @param followUpConsent prescriber only: the person agreed to wellbeing check-ins at 6 and 12
 *     weeks through a private link
 * @param swemwbs prescriber only: the seven SWEMWBS item scores (1–5) at referral, or empty
 * @param offerSwemwbs prescriber only: the check-ins ask SWEMWBS as well as ONS4
 * @param followUpChannel prescriber only: how the person chose to get check-ins, {@code email} or
 *     {@code sms}; null or blank for email when there is one, else a text message
 */
public record ReferralRequest(
    String listingId,
    String name,
    String phone,
    String email,
    String bestTime,
    String postcode,
    List<String> needs,
    String freeText,
    String reason,
    List<Integer> ons4,
    String language,
    String accessNeeds,
    boolean consent,
    String idempotencyKey,
    boolean followUpConsent,
    List<Integer> swemwbs,
    boolean offerSwemwbs,
    String followUpChannel) {
  /** A request whose check-ins, if agreed, ask ONS4 only. */
  public ReferralRequest(
      String listingId,
      String name,
      String phone,
      String email,
      String bestTime,
      String postcode,
      List<String> needs,
      String freeText,
      String reason,
      List<Integer> ons4,
      String language,
      String accessNeeds,
      boolean consent,
      String idempotencyKey,
      boolean followUpConsent) {
    this(
        listingId,
        name,
        phone,
        email,
        bestTime,
        postcode,
        needs,
        freeText,
        reason,
        ons4,
        language,
        accessNeeds,
        consent,
        idempotencyKey,
        followUpConsent,
        List.of(),
        false,
        null);
  }

  /** A request without consent to follow-up check-ins. */
  public ReferralRequest(
      String listingId,
      String name,
      String phone,
      String email,
      String bestTime,
      String postcode,
      List<String> needs,
      String freeText,
      String reason,
      List<Integer> ons4,
      String language,
      String accessNeeds,
      boolean consent,
      String idempotencyKey) {
    this(
        listingId,
        name,
        phone,
        email,
        bestTime,
        postcode,
        needs,
        freeText,
        reason,
        ons4,
        language,
        accessNeeds,
        consent,
        idempotencyKey,
        false);
  }

  public ReferralRequest {
    listingId = blankToNull(listingId);
    name = trim(name);
    phone = trim(phone);
    email = trim(email);
    bestTime = trim(bestTime);
    postcode = trim(postcode);
    freeText = trim(freeText);
    reason = trim(reason);
    language = trim(language);
    accessNeeds = trim(accessNeeds);
    needs = needs == null ? List.of() : List.copyOf(needs);
    ons4 = ons4 == null ? List.of() : List.copyOf(ons4);
    // Nulls stay, so the validator can name a missing score; List.copyOf would throw.
    swemwbs =
        swemwbs == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(swemwbs));
    idempotencyKey = blankToNull(idempotencyKey);
    followUpChannel = blankToNull(followUpChannel);
  }

  private static String trim(String value) {
    return value == null ? "" : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "ReferralRequest[redacted]";
  }
}
