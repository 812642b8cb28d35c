package org.signpost.core.fakes;

import java.util.ArrayList;
import java.util.List;
import org.signpost.core.listing.Revision;
import org.signpost.core.listing.RevisionRepository;

/** An in-memory audit trail. Thread-safe. */
public final class InMemoryRevisions implements RevisionRepository {
  private final List<Revision> all = new ArrayList<>();

  @Override
  public synchronized void append(Revision revision) {
    all.add(revision);
  }

  @Override
  public synchronized List<Revision> history(String listingId) {
    return all.stream().filter(r -> r.listingId().equals(listingId)).toList();
  }
}
