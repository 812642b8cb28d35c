package org.signpost.core.search;

import java.util.List;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.search.SearchHits;

/**
 * A search answer: the page of hits, plus the crisis routes when the text signals distress.
 *
 * @param crisisRoutes empty unless the query read like someone in crisis
 */
public record SearchResult(SearchHits hits, List<CrisisRoutes.Route> crisisRoutes) {
  public SearchResult {
    crisisRoutes = List.copyOf(crisisRoutes);
  }

  public boolean crisis() {
    return !crisisRoutes.isEmpty();
  }
}
