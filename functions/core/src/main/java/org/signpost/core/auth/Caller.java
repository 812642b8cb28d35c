package org.signpost.core.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.errors.SignpostException;

/**
 * A signed-in caller, as established by the API's JWT authoriser.
 *
 * @param subject the token subject (user id)
 * @param roles the caller's groups
 * @param organisationId the organisation a provider belongs to, if any
 */
public record Caller(String subject, Set<Role> roles, Optional<String> organisationId) {
  public Caller {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
    organisationId = organisationId == null ? Optional.empty() : organisationId;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Role.ADMIN);
  }

  /** True when the caller is an admin or a provider of the given organisation. */
  public boolean actsFor(String organisationId) {
    return isAdmin()
        || (has(Role.PROVIDER) && this.organisationId.filter(organisationId::equals).isPresent());
  }

  /** Throws unless the caller has one of the roles. */
  public void require(Role... anyOf) {
    for (Role role : anyOf) {
      if (has(role)) {
        return;
      }
    }
    throw new SignpostException.Forbidden("this action needs one of the roles " + Set.of(anyOf));
  }

  /** Requires a signed-in caller. */
  public static Caller required(Optional<Caller> caller) {
    return caller.orElseThrow(() -> new SignpostException.Unauthenticated("sign in to do this"));
  }
}
