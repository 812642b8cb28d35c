package org.signpost.core.org;

import java.util.List;
import java.util.Optional;

/** Port to the organisations store. Implementations are thread-safe. */
public interface OrganisationRepository {
  Optional<Organisation> find(String id);

  /** Creates the organisation; a Conflict if the id exists. */
  Organisation create(Organisation organisation);

  /** Replaces it if the stored version still matches; PreconditionFailed otherwise. */
  Organisation update(Organisation organisation);

  List<Organisation> all();
}
