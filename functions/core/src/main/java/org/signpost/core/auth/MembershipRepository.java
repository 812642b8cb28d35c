package org.signpost.core.auth;

import java.util.List;
import java.util.Optional;

/** Port to the store of memberships, keyed by subject. Implementations are thread-safe. */
public interface MembershipRepository {
  Optional<Membership> find(String subject);

  /** Creates or replaces the membership of its subject. */
  void put(Membership membership);

  /**
   * Removes a subject's membership.
   *
   * @return true if there was one
   */
  boolean delete(String subject);

  List<Membership> all();
}
