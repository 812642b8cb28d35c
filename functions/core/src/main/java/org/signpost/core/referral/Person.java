package org.signpost.core.referral;

import java.util.Objects;

/**
 * The minimum a group needs to contact someone. Personal data: never logged, never indexed.
 *
 * @param name first name or what to call them
 * @param phone a phone number, or null when email is given
 * @param email an email address, or null when phone is given
 * @param bestTime when to contact them, free text, may be empty
 * @param outwardPostcode only the first half of a postcode, such as {@code B11}
 * @param language preferred language, ISO 639-1
 * @param accessNeeds anything that makes taking part easier, may be empty
 */
public record Person(
    String name,
    String phone,
    String email,
    String bestTime,
    String outwardPostcode,
    String language,
    String accessNeeds) {
  public Person {
    Objects.requireNonNull(name, "name");
    bestTime = bestTime == null ? "" : bestTime;
    accessNeeds = accessNeeds == null ? "" : accessNeeds;
    language = language == null ? "en" : language;
    outwardPostcode = outwardPostcode == null ? "" : outwardPostcode;
  }

  /** Never print personal data, even by accident in a log line or an exception message. */
  @Override
  public String toString() {
    return "Person[redacted]";
  }
}
