package org.signpost.handlers.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;

/**
 * Organisations for a dry run: reads fall through to the real store, writes stay in memory. Thread-
 * safe.
 */
final class StagedOrganisations implements OrganisationRepository {
  private final OrganisationRepository store;
  private final Map<String, Organisation> staged = new ConcurrentHashMap<>();

  StagedOrganisations(OrganisationRepository store) {
    this.store = store;
  }

  @Override
  public Optional<Organisation> find(String id) {
    Organisation own = staged.get(id);
    return own != null ? Optional.of(own) : store.find(id);
  }

  @Override
  public Organisation create(Organisation organisation) {
    if (find(organisation.id()).isPresent()) {
      throw new SignpostException.Conflict("organisation " + organisation.id() + " exists");
    }
    staged.put(organisation.id(), organisation);
    return organisation;
  }

  @Override
  public Organisation update(Organisation organisation) {
    staged.put(organisation.id(), organisation);
    return organisation;
  }

  @Override
  public List<Organisation> all() {
    List<Organisation> all = new ArrayList<>(store.all());
    all.removeIf(o -> staged.containsKey(o.id()));
    all.addAll(staged.values());
    return all;
  }
}
