package org.signpost.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.search.IndexSnapshots;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.wiring.Wiring;

/**
 * Writes index snapshots so that search environments start by loading one instead of scanning the
 * table: it opens the newest snapshot (or scans when there is none), catches up from the change
 * log, and writes a new snapshot, keeping the newest few. Runs on an EventBridge schedule and after
 * imports; the event's content is ignored. Listings are never re-embedded: vectors come from the
 * store.
 */
public final class IndexerFunction
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Wiring wiring;

  public IndexerFunction() {
    this(Wiring.shared());
  }

  IndexerFunction(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return run();
  }

  /** One snapshot; the local runtime calls this on a timer. */
  public Map<String, Object> run() {
    Map<String, Object> result = new LinkedHashMap<>();
    IndexSnapshots snapshots = wiring.snapshots;
    if (snapshots == IndexSnapshots.NONE) {
      result.put("snapshot", "none: SNAPSHOT_BUCKET is not set");
      return result;
    }
    SearchService search = wiring.unstartedSearchService();
    Optional<String> from = search.start(snapshots);
    result.put("from", from.orElse("scan"));
    result.put("snapshot", search.writeSnapshot(snapshots));
    result.put("listings", search.size());
    return result;
  }
}
