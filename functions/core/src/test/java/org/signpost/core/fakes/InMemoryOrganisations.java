package org.signpost.core.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;

/** An in-memory organisations store with versioned writes. Thread-safe. */
public final class InMemoryOrganisations implements OrganisationRepository {
  private final Map<String, Organisation> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<Organisation> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Organisation create(Organisation o) {
    if (byId.containsKey(o.id())) {
      throw new SignpostException.Conflict("exists: " + o.id());
    }
    Organisation stored =
        new Organisation(o.id(), o.name(), o.description(), o.status(), o.trusted(), 1);
    byId.put(o.id(), stored);
    return stored;
  }

  @Override
  public synchronized Organisation update(Organisation o) {
    Organisation current = byId.get(o.id());
    if (current == null || current.version() != o.version()) {
      throw new SignpostException.PreconditionFailed("stale: " + o.id());
    }
    Organisation stored =
        new Organisation(
            o.id(), o.name(), o.description(), o.status(), o.trusted(), o.version() + 1);
    byId.put(o.id(), stored);
    return stored;
  }

  @Override
  public List<Organisation> all() {
    return List.copyOf(byId.values());
  }
}
