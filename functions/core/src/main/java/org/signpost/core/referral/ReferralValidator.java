package org.signpost.core.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Vocabulary;

/**
 * Checks a referral request and names every problem. Each problem has a message key, so the public
 * form can explain it in the person's language, and English text for the API. Stateless.
 */
public final class ReferralValidator {
  /**
   * One problem with one field.
   *
   * @param key the message key in the page bundles, such as {@code err_email}
   */
  public record Issue(String field, String key, String english) {}

  static final int MAX_NAME = 60;
  static final int MAX_SHORT = 120;
  static final int MAX_TEXT = 1000;
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[A-Za-z]{2,}");
  private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
  private static final Pattern FULL =
      Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*[0-9][A-Z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private ReferralValidator() {}

  /** Every problem with a request; empty when it may be stored. */
  public static List<Issue> check(ReferralRequest r, boolean prescriber) {
    List<Issue> issues = new ArrayList<>();
    if (r.name().isEmpty()) {
      issues.add(new Issue("name", "err_name", "give a first name or what to call the person"));
    } else if (r.name().length() > MAX_NAME) {
      issues.add(new Issue("name", "err_too_long", "is longer than " + MAX_NAME + " characters"));
    }
    if (r.phone().isEmpty() && r.email().isEmpty()) {
      issues.add(new Issue("contact", "err_contact", "give a phone number or an email address"));
    }
    if (!r.phone().isEmpty() && PhoneNumbers.e164(r.phone()).isEmpty()) {
      issues.add(
          new Issue(
              "phone",
              "err_phone",
              "is not a phone number: give a UK number such as 07700 900123, or an international"
                  + " one starting with + and the country code"));
    }
    if (!r.email().isEmpty() && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
      issues.add(new Issue("email", "err_email", "is not an email address"));
    }
    if (!r.postcode().isEmpty() && outward(r.postcode()) == null) {
      issues.add(new Issue("postcode", "err_postcode", "is not a UK postcode or its first part"));
    }
    for (String need : r.needs()) {
      if (!Vocabulary.NEEDS.contains(need)) {
        issues.add(new Issue("needs", "err_need", "has an unknown need"));
        break;
      }
    }
    if (r.needs().size() > Vocabulary.NEEDS.size()) {
      issues.add(new Issue("needs", "err_need", "has too many needs"));
    }
    if (!r.language().isEmpty() && !LANGUAGE.matcher(r.language()).matches()) {
      issues.add(new Issue("language", "err_language", "must be an ISO 639-1 code such as en"));
    }
    text(issues, "best_time", r.bestTime(), MAX_SHORT);
    text(issues, "access_needs", r.accessNeeds(), MAX_SHORT * 3);
    text(issues, "free_text", r.freeText(), MAX_TEXT);
    text(issues, "reason", r.reason(), MAX_TEXT);
    text(issues, "name", r.name(), Integer.MAX_VALUE);
    if (prescriber && !r.ons4().isEmpty()) {
      issues.addAll(ons4("ons4", r.ons4()));
    } else if (!prescriber && !r.ons4().isEmpty()) {
      issues.add(new Issue("ons4", "err_ons4", "is only for prescribers"));
    }
    if (r.followUpConsent() && !prescriber) {
      issues.add(new Issue("follow_up_consent", "err_ons4", "is only for prescribers"));
    } else if (r.followUpConsent() && r.email().isEmpty() && r.phone().isEmpty()) {
      issues.add(
          new Issue("follow_up_consent", "err_contact", "check-ins need an email or phone number"));
    }
    if (!r.swemwbs().isEmpty()) {
      issues.addAll(
          prescriber
              ? Swemwbs.check("swemwbs", r.swemwbs())
              : List.of(new Issue("swemwbs", "err_ons4", "is only for prescribers")));
    }
    if (r.offerSwemwbs() && !prescriber) {
      issues.add(new Issue("offer_swemwbs", "err_ons4", "is only for prescribers"));
    } else if (r.offerSwemwbs() && !r.followUpConsent()) {
      issues.add(
          new Issue(
              "offer_swemwbs", "err_ons4", "is asked at the check-ins: needs follow_up_consent"));
    }
    if (r.followUpChannel() != null) {
      issues.addAll(channel(r, prescriber));
    }
    if (!r.consent()) {
      issues.add(new Issue("consent", "err_consent", "the person must agree before it is sent"));
    }
    return issues;
  }

  /** How check-ins go: a prescriber's choice for the person, with the contact it needs. */
  private static List<Issue> channel(ReferralRequest r, boolean prescriber) {
    String field = "follow_up_channel";
    if (!prescriber) {
      return List.of(new Issue(field, "err_ons4", "is only for prescribers"));
    }
    if (!r.followUpConsent()) {
      return List.of(new Issue(field, "err_ons4", "needs follow_up_consent"));
    }
    return switch (r.followUpChannel()) {
      case "email" ->
          r.email().isEmpty()
              ? List.of(new Issue(field, "err_contact", "email check-ins need an email address"))
              : List.of();
      case "sms" -> {
        if (r.phone().isEmpty()) {
          yield List.of(new Issue(field, "err_contact", "text messages need a phone number"));
        }
        yield PhoneNumbers.e164(r.phone()).filter(PhoneNumbers::textable).isEmpty()
                && PhoneNumbers.e164(r.phone()).isPresent()
            ? List.of(
                new Issue("phone", "err_phone", "text messages need a mobile number, such as 07…"))
            : List.of();
      }
      default -> List.of(new Issue(field, "err_contact", "must be email or sms"));
    };
  }

  /** The four ONS4 scores, each 0 to 10, or an issue naming {@code field}. */
  static List<Issue> ons4(String field, List<Integer> scores) {
    if (scores.size() != 4 || scores.stream().anyMatch(s -> s == null || s < 0 || s > 10)) {
      return List.of(new Issue(field, "err_ons4", "needs four scores, each 0 to 10"));
    }
    return List.of();
  }

  /** Throws the API's validation error if anything is wrong. */
  public static void require(ReferralRequest r, boolean prescriber) {
    List<Issue> issues = check(r, prescriber);
    if (!issues.isEmpty()) {
      throw new SignpostException.Invalid(
          "the referral has " + issues.size() + " problem(s)",
          issues.stream().map(i -> new FieldError(i.field(), i.english())).toList());
    }
  }

  /** The outward half of a UK postcode (full or outward only), upper-cased; null if neither. */
  public static String outward(String postcode) {
    String upper = postcode.strip().toUpperCase(Locale.ROOT);
    if (OUTWARD.matcher(upper).matches()) {
      return upper;
    }
    var full = FULL.matcher(upper);
    return full.matches() ? full.group(1) : null;
  }

  private static void text(List<Issue> issues, String field, String value, int max) {
    if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
      issues.add(new Issue(field, "err_markup", "must be plain text without < or >"));
    } else if (value.length() > max) {
      issues.add(new Issue(field, "err_too_long", "is longer than " + max + " characters"));
    }
  }
}
