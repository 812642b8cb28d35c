package org.signpost.core.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a referral's history: who moved it, to what, and when.
 *
 * @param by the subject of the signed-in user, or {@code person} / {@code system}
 * @param reason why, for a decline; otherwise null
 */
public record StatusChange(ReferralStatus status, String by, Instant at, String reason) {
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
