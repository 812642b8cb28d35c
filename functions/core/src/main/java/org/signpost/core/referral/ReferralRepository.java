package org.signpost.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the referrals store. Implementations are thread-safe and never log referral data. */
public interface ReferralRepository {
  /**
   * Stores a new referral.
   *
   * @throws org.signpost.core.errors.SignpostException.Conflict if the id exists
   */
  Referral create(Referral referral);

  Optional<Referral> find(String id);

  Optional<Referral> findByTokenHash(String tokenHash);

  /**
   * Replaces a referral only if its stored version still equals {@code referral.version()}.
   *
   * @throws org.signpost.core.errors.SignpostException.PreconditionFailed if the version is stale
   */
  Referral update(Referral referral);

  List<Referral> byOrganisation(String organisationId);

  List<Referral> byReferrer(String subject);

  /** Every referral; for admins and housekeeping. */
  List<Referral> all();

  void delete(String id);

  /** Referrals whose retention ended at or before the instant. */
  List<Referral> expiredAt(Instant now);
}
