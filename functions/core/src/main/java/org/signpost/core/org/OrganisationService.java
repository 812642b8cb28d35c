package org.signpost.core.org;

import java.util.List;
import java.util.Optional;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;

/** Registers, approves and trusts organisations. Thread-safe if its repository is. */
public final class OrganisationService {
  private final OrganisationRepository organisations;

  public OrganisationService(OrganisationRepository organisations) {
    this.organisations = organisations;
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
    String slug = name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("(^-+|-+$)", "");
    String id = "org-" + (slug.length() > 48 ? slug.substring(0, 48) : slug);
    if (organisations.find(id).isPresent()) {
      id = id + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }
    return organisations.create(
        new Organisation(id, name.strip(), description, Organisation.PENDING, false, 0));
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
    return organisations.update(
        new Organisation(
            id, current.name(), current.description(), status, trusted, current.version()));
  }

  public Optional<Organisation> find(String id) {
    return organisations.find(id);
  }

  public List<Organisation> all(Caller caller) {
    caller.require(Role.ADMIN);
    return organisations.all();
  }
}
