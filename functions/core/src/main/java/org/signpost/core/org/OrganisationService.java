package org.signpost.core.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.MembershipRepository;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.referral.RequestGuards;

/**
 * Registers, approves and trusts organisations. A signed-in user asks to register one; when an
 * admin approves it, the user becomes its provider. Thread-safe if its ports are.
 */
public final class OrganisationService {
  /** Sign-up requests one user may make a day. */
  public static final int SIGN_UPS_PER_DAY = 3;

  private final OrganisationRepository organisations;
  private final Optional<MembershipRepository> memberships;
  private final Optional<RequestGuards> guards;
  private final Clock clock;

  /** For imports and tests: no sign-up limit, and approval grants no membership. */
  public OrganisationService(OrganisationRepository organisations) {
    this.organisations = organisations;
    this.memberships = Optional.empty();
    this.guards = Optional.empty();
    this.clock = Clock.systemUTC();
  }

  public OrganisationService(
      OrganisationRepository organisations,
      MembershipRepository memberships,
      RequestGuards guards,
      Clock clock) {
    this.organisations = organisations;
    this.memberships = Optional.of(memberships);
    this.guards = Optional.of(guards);
    this.clock = clock;
  }

  /**
   * Creates or updates an organisation with a stable id (admin, import and demo data path).
   *
   * @return true if anything changed
   */
  public boolean upsert(Caller caller, Organisation wanted) {
    caller.require(Role.ADMIN);
    if (wanted.name().isBlank() || wanted.name().length() > 200) {
      throw SignpostException.Invalid.of(
          "name", "an organisation needs a name of 1-200 characters");
    }
    Optional<Organisation> existing = organisations.find(wanted.id());
    if (existing.isEmpty()) {
      organisations.create(wanted);
      return true;
    }
    Organisation current = existing.get();
    Organisation merged =
        new Organisation(
            current.id(),
            wanted.name(),
            wanted.description(),
            wanted.status(),
            wanted.trusted(),
            current.version());
    if (merged.equals(current)) {
      return false;
    }
    organisations.update(merged);
    return true;
  }

  /**
   * A community group asks to join: it becomes a pending organisation an admin must approve.
   *
   * @return the new organisation
   */
  public Organisation signUp(Caller caller, String name, String description) {
    java.util.List<org.signpost.core.errors.FieldError> errors = new java.util.ArrayList<>();
    if (name == null || name.strip().length() < 3 || name.length() > 200) {
      errors.add(
          new org.signpost.core.errors.FieldError("name", "give a name of 3-200 characters"));
    }
    if (description != null && description.length() > 2000) {
      errors.add(new org.signpost.core.errors.FieldError("description", "at most 2000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new SignpostException.Invalid("the organisation details are invalid", errors);
    }
    if (caller.organisationId().isPresent()) {
      throw new SignpostException.Conflict("your account already belongs to an organisation");
    }
    limitSignUps(caller.subject());
    String slug = name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("(^-+|-+$)", "");
    String id = "org-" + (slug.length() > 48 ? slug.substring(0, 48) : slug);
    if (organisations.find(id).isPresent()) {
      id = id + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }
    return organisations.createRequested(
        new Organisation(id, name.strip(), description, Organisation.PENDING, false, 0),
        caller.subject());
  }

  /** At most {@link #SIGN_UPS_PER_DAY} requests per user and day, counted across environments. */
  private void limitSignUps(String subject) {
    if (guards.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String day = now.truncatedTo(ChronoUnit.DAYS).toString();
    boolean admitted =
        guards
            .get()
            .admit(
                "signup#" + sha256(subject + "|" + day),
                java.util.UUID.randomUUID().toString(),
                SIGN_UPS_PER_DAY,
                now.plus(Duration.ofDays(2)));
    if (!admitted) {
      throw new SignpostException.TooManyRequests(
          "too many organisation sign-ups today; an admin can help");
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** Sets an organisation's status (approved, suspended) and trust, if its version matches. */
  public Organisation review(
      Caller caller, String id, String status, boolean trusted, long ifMatch) {
    caller.require(Role.ADMIN);
    if (!java.util.Set.of(Organisation.PENDING, Organisation.APPROVED, Organisation.SUSPENDED)
        .contains(status)) {
      throw SignpostException.Invalid.of("status", "must be pending, approved or suspended");
    }
    Organisation current =
        organisations
            .find(id)
            .orElseThrow(() -> new SignpostException.NotFound("no organisation with id " + id));
    if (current.version() != ifMatch) {
      throw new SignpostException.PreconditionFailed(
          "organisation " + id + " is at version " + current.version() + ", not " + ifMatch);
    }
    Optional<String> requester = organisations.requestedBy(id);
    Organisation updated =
        organisations.update(
            new Organisation(
                id, current.name(), current.description(), status, trusted, current.version()));
    if (Organisation.APPROVED.equals(status) && requester.isPresent() && memberships.isPresent()) {
      // The user who asked becomes its provider, unless an admin already gave them a role.
      if (memberships.get().find(requester.get()).isEmpty()) {
        memberships.get().put(new Membership(requester.get(), Role.PROVIDER, Optional.of(id)));
      }
    }
    return updated;
  }

  public Optional<Organisation> find(String id) {
    return organisations.find(id);
  }

  public List<Organisation> all(Caller caller) {
    caller.require(Role.ADMIN);
    return organisations.all();
  }
}
