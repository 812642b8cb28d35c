package org.signpost.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.core.errors.SignpostException;

/**
 * Turns a verified subject into a caller from the memberships table, and lets admins keep that
 * table. Lookups are cached briefly per execution environment, so a revocation takes effect within
 * {@link #CACHE_FOR}. Thread-safe.
 */
public final class MembershipService {
  /** How long one environment trusts a membership it has read. */
  public static final Duration CACHE_FOR = Duration.ofSeconds(10);

  private final MembershipRepository memberships;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Membership membership, Instant until) {}

  public MembershipService(MembershipRepository memberships, Clock clock) {
    this.memberships = memberships;
    this.clock = clock;
  }

  /**
   * The caller a verified subject is: its membership's role and organisation, or no role at all
   * when the server knows no membership (signed in, but allowed nothing beyond sign-up).
   */
  public Caller resolve(String subject) {
    Instant now = clock.instant();
    Cached cached = cache.get(subject);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.membership().caller();
    }
    Optional<Membership> found = memberships.find(subject);
    if (found.isEmpty()) {
      // Not cached: a membership an admin grants must work on the next request.
      cache.remove(subject);
      return new Caller(subject, java.util.Set.of(), Optional.empty());
    }
    cache.put(subject, new Cached(found.get(), now.plus(CACHE_FOR)));
    return found.get().caller();
  }

  /** Grants or replaces a membership (admins only). */
  public Membership grant(Caller caller, Membership membership) {
    caller.require(Role.ADMIN);
    memberships.put(membership);
    cache.remove(membership.subject());
    return membership;
  }

  /** Removes a membership (admins only); an admin cannot remove their own. */
  public void revoke(Caller caller, String subject) {
    caller.require(Role.ADMIN);
    if (caller.subject().equals(subject)) {
      throw new SignpostException.Conflict("an admin cannot remove their own membership");
    }
    cache.remove(subject);
    if (!memberships.delete(subject)) {
      throw new SignpostException.NotFound("no membership for " + subject);
    }
  }

  public Optional<Membership> find(Caller caller, String subject) {
    caller.require(Role.ADMIN);
    return memberships.find(subject);
  }

  public List<Membership> all(Caller caller) {
    caller.require(Role.ADMIN);
    return memberships.all();
  }
}
