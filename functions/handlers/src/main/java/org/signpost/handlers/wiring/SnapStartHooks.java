package org.signpost.handlers.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart hooks for a function that holds the search index. Before the checkpoint it runs
 * representative searches (keyword, semantic, place, filters, typos) so their classes are loaded,
 * the embedding model has run and the code is warm in the snapshot; after a restore it catches up
 * from the change log at once, because the snapshot may be hours old. The snapshot holds the index
 * and the model, no credentials: the SDK clients resolve credentials on use, from the restored
 * environment. Thread-safe.
 */
public final class SnapStartHooks implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

  /** CRaC holds resources weakly: these strong references keep them registered. */
  private static final List<SnapStartHooks> REGISTERED = new ArrayList<>();

  static final List<String> PRIMING_QUERIES =
      List.of(
          "lonely",
          "english conversation",
          "walking group for older people",
          "help with debt and bills",
          "Polish speaking advice",
          "befreinding",
          "I feel so alone since my wife died");

  private final SearchService search;
  private final SearchParams params;

  SnapStartHooks(SearchService search, SearchParams params) {
    this.search = search;
    this.params = params;
  }

  /** Registers the hooks for an environment's search service (once per service). */
  public static synchronized void register(SearchService search, SearchParams params) {
    SnapStartHooks hooks = new SnapStartHooks(search, params);
    REGISTERED.add(hooks);
    Core.getGlobalContext().register(hooks);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    LOG.info("priming {} searches before the checkpoint", prime());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    search.catchUpNow();
    LOG.info("restored: caught up from the change log");
  }

  /** Runs the priming searches; returns how many answered. */
  int prime() {
    search.awaitModel();
    int answered = 0;
    for (String q : PRIMING_QUERIES) {
      for (Map<String, List<String>> request :
          List.of(
              Map.of("q", List.of(q)),
              Map.of("q", List.of(q), "near", List.of("B11"), "free", List.of("true")))) {
        try {
          search.find(params.read(request));
          answered++;
        } catch (RuntimeException e) {
          LOG.warn("priming search failed: {}", e.toString());
        }
      }
    }
    return answered;
  }
}
