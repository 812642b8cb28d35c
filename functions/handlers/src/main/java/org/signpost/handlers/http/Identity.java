package org.signpost.handlers.http;

import java.util.Optional;
import java.util.Set;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.MembershipService;
import org.signpost.handlers.auth.SessionCookies;
import org.signpost.handlers.auth.SessionVerifier;

/**
 * Who a request comes from. The subject is proven either by the HTTP API JWT authoriser (bearer
 * tokens of API clients) or by the browser's session cookie, which this function verifies itself
 * against the provider's keys; what the subject may do comes only from the memberships table.
 * Thread-safe.
 */
public final class Identity {
  private final Optional<MembershipService> memberships;
  private final Optional<SessionVerifier> sessions;

  public Identity(MembershipService memberships, Optional<SessionVerifier> sessions) {
    this.memberships = Optional.of(memberships);
    this.sessions = sessions;
  }

  private Identity() {
    this.memberships = Optional.empty();
    this.sessions = Optional.empty();
  }

  /** For functions with public routes only: a signed-in caller never has a role there. */
  public static Identity anonymousOnly() {
    return new Identity();
  }

  /** The resolved caller of a request, if it proves a subject. */
  public Optional<Caller> caller(ApiRequest request) {
    Optional<String> subject =
        request
            .caller()
            .map(Caller::subject)
            .or(
                () ->
                    sessions.flatMap(
                        verifier ->
                            request.cookie(SessionCookies.SESSION).flatMap(verifier::subject)));
    return subject.map(this::resolve);
  }

  private Caller resolve(String subject) {
    return memberships
        .map(service -> service.resolve(subject))
        .orElseGet(() -> new Caller(subject, Set.of(), Optional.empty()));
  }
}
