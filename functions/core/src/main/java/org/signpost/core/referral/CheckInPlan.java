package org.signpost.core.referral;

import java.util.List;

/**
 * How a referral's follow-up check-ins are made, as agreed at referral.
 *
 * @param channel {@code email} or {@code sms}, as the person chose at consent; null for the
 *     referral's email, else its phone
 * @param swemwbs the prescriber asked for SWEMWBS as well as ONS4 at each check-in
 * @param swemwbsBaseline the seven SWEMWBS item scores (1–5) at referral, or empty
 */
public record CheckInPlan(String channel, boolean swemwbs, List<Integer> swemwbsBaseline) {
  /** ONS4 only, by whichever contact the referral has. */
  public static final CheckInPlan DEFAULT = new CheckInPlan(null, false, List.of());

  public CheckInPlan {
    swemwbsBaseline = swemwbsBaseline == null ? List.of() : List.copyOf(swemwbsBaseline);
  }
}
