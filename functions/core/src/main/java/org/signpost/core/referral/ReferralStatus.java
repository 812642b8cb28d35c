package org.signpost.core.referral;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a referral is in the closed loop, and which moves are allowed from each step. */
public enum ReferralStatus {
  NEW,
  CONTACTED,
  ACCEPTED,
  DECLINED,
  WAITING_LIST,
  ATTENDED,
  DID_NOT_ATTEND,
  CLOSED;

  /** The statuses this one may move to. Closing is always allowed, so a person can withdraw. */
  public Set<ReferralStatus> next() {
    return switch (this) {
      case NEW -> Set.of(CONTACTED, CLOSED);
      case CONTACTED -> Set.of(ACCEPTED, DECLINED, WAITING_LIST, CLOSED);
      case WAITING_LIST -> Set.of(ACCEPTED, DECLINED, CLOSED);
      case ACCEPTED -> Set.of(ATTENDED, DID_NOT_ATTEND, CLOSED);
      case DECLINED, ATTENDED, DID_NOT_ATTEND -> Set.of(CLOSED);
      case CLOSED -> Set.of();
    };
  }

  /**
   * True while the receiving group may still confirm whether the person came: before anyone
   * recorded attendance, a decline or a close.
   */
  public boolean awaitsAttendance() {
    return this == NEW || this == CONTACTED || this == WAITING_LIST || this == ACCEPTED;
  }

  /** The wire name, such as {@code waiting_list}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReferralStatus> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (ReferralStatus status : values()) {
      if (status.code().equals(code.trim())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
