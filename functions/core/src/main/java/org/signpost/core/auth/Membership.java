package org.signpost.core.auth;

import java.util.Objects;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;

/**
 * What the server says a user is: one role, and for providers the organisation they act for. Only
 * admins write memberships; nothing in a token decides them.
 *
 * @param subject the identity provider's stable user id ({@code sub})
 * @param role the user's role
 * @param organisationId the organisation a provider acts for; empty for other roles
 */
public record Membership(String subject, Role role, Optional<String> organisationId) {
  public Membership {
    Objects.requireNonNull(role, "role");
    organisationId = organisationId == null ? Optional.empty() : organisationId;
    if (subject == null || !subject.matches("[A-Za-z0-9_.@:+-]{1,128}")) {
      throw SignpostException.Invalid.of(
          "sub", "a user id is 1-128 letters, digits or _.@:+- characters");
    }
    if (role == Role.PROVIDER && organisationId.isEmpty()) {
      throw SignpostException.Invalid.of("organisation_id", "a provider needs an organisation");
    }
    if (organisationId.isPresent() && !organisationId.get().matches("[a-z0-9-]{3,80}")) {
      throw SignpostException.Invalid.of(
          "organisation_id", "an organisation id is 3-80 lower-case letters, digits or hyphens");
    }
  }

  /** The caller this membership makes of a signed-in subject. */
  public Caller caller() {
    return new Caller(subject, java.util.Set.of(role), organisationId);
  }
}
