package org.signpost.core.auth;

import java.util.Locale;
import java.util.Optional;

/** The user groups of the Cognito user pool. */
public enum Role {
  ADMIN,
  PRESCRIBER,
  /** Sees the anonymous, small-number-suppressed reports; no referrals of its own. */
  PRESCRIBER_LEAD,
  PROVIDER;

  /** Parses a group name such as {@code provider}; unknown names are empty. */
  public static Optional<Role> parse(String group) {
    if (group == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.name().equals(group.trim().toUpperCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public String groupName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
