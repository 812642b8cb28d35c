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

  public Optional<Organisation> find(String id) {
    return organisations.find(id);
  }

  public List<Organisation> all(Caller caller) {
    caller.require(Role.ADMIN);
    return organisations.all();
  }
}
