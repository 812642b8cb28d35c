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

  /** Creates an organisation a signed-in user asked to register, remembering who asked. */
  default Organisation createRequested(Organisation organisation, String requestedBy) {
    return create(organisation);
  }

  /** Who asked to register the organisation, while that is still on record. */
  default Optional<String> requestedBy(String id) {
    return Optional.empty();
  }
}
