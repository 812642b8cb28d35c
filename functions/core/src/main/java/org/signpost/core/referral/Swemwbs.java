package org.signpost.core.referral;

import java.util.List;

/**
 * The Short Warwick-Edinburgh Mental Wellbeing Scale as Signpost keeps it: seven item scores, each
 * 1 to 5, and their raw total (7 to 35). The licensed item wording is not held here; the conversion
 * of raw totals to metric scores is not applied. Stateless.
 */
public final class Swemwbs {
  public static final int ITEMS = 7;
  public static final int LOWEST = 1;
  public static final int HIGHEST = 5;

  private Swemwbs() {}

  /** The raw total of seven item scores. */
  public static int total(List<Integer> items) {
    return items.stream().mapToInt(Integer::intValue).sum();
  }

  /** Seven item scores, each 1 to 5, or an issue naming {@code field}. */
  static List<ReferralValidator.Issue> check(String field, List<Integer> items) {
    if (items.size() != ITEMS
        || items.stream().anyMatch(s -> s == null || s < LOWEST || s > HIGHEST)) {
      return List.of(
          new ReferralValidator.Issue(field, "err_swemwbs", "needs seven scores, each 1 to 5"));
    }
    return List.of();
  }
}
