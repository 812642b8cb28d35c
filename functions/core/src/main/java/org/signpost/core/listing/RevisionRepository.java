package org.signpost.core.listing;

import java.util.List;

/** Port to the audit trail of listing changes. Append-only. Implementations are thread-safe. */
public interface RevisionRepository {
  void append(Revision revision);

  /** A listing's revisions, oldest first. */
  List<Revision> history(String listingId);
}
