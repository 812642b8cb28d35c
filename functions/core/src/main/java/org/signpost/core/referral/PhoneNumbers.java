package org.signpost.core.referral;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as referrals take them: a UK number written the national way ({@code 07700 900123},
 * {@code 0121 496 0000}) or any number in international form ({@code +44 7700 900123}), read into
 * E.164. Stateless.
 */
public final class PhoneNumbers {
  /** Spaces, dashes, dots and brackets people write between digits. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

  /** UK national: a 0, then 9 or 10 digits, the first not 0. */
  private static final Pattern UK_NATIONAL = Pattern.compile("0([1-9]\\d{8,9})");

  /** E.164: a +, a country code not starting with 0, at most 15 digits in all, at least 8. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

  /** UK in international form: +44, then 9 or 10 digits (the national 0 dropped). */
  private static final Pattern UK_E164 = Pattern.compile("\\+44[1-9]\\d{8,9}");

  private static final Pattern UK_MOBILE = Pattern.compile("\\+447\\d{9}");

  private PhoneNumbers() {}

  /** The number in E.164 form, such as {@code +447700900123}; empty when it is neither shape. */
  public static Optional<String> e164(String raw) {
    if (raw == null || raw.length() > 30) {
      return Optional.empty();
    }
    String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
    if (compact.startsWith("+44") && compact.length() > 3 && compact.charAt(3) == '0') {
      compact = "+44" + compact.substring(4); // "+44 (0)7700 …", as people often write it
    }
    var national = UK_NATIONAL.matcher(compact);
    if (national.matches()) {
      return Optional.of("+44" + national.group(1));
    }
    if (compact.startsWith("+44")) {
      return UK_E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
    return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }

  /** Whether a text message can go to it: a UK mobile, or a number outside the UK. */
  public static boolean textable(String e164) {
    return e164.startsWith("+44")
        ? UK_MOBILE.matcher(e164).matches()
        : E164.matcher(e164).matches();
  }
}
