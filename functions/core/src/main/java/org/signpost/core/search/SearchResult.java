package org.signpost.core.search;

import java.util.List;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.search.SearchHits;

/**
 * A search answer: the page of hits, plus the crisis routes when the text signals distress.
 *
 * @param crisisRoutes empty unless the query read like someone in crisis
 * @param semantic whether the semantic leg took part; false without text, without a model, or while
 *     the model is still loading (the answer then comes from the keyword leg alone)
 * @param stale the index answered while behind the store: its last catch-up with the change log
 *     failed (or is hanging), so edits made since may be missing
 */
public record SearchResult(
    SearchHits hits, List<CrisisRoutes.Route> crisisRoutes, boolean semantic, boolean stale) {
  public SearchResult {
    crisisRoutes = List.copyOf(crisisRoutes);
  }

  /** A keyword-only result. */
  public SearchResult(SearchHits hits, List<CrisisRoutes.Route> crisisRoutes) {
    this(hits, crisisRoutes, false, false);
  }

  public boolean crisis() {
    return !crisisRoutes.isEmpty();
  }
}
