package org.signpost.bench;

import java.util.List;
import java.util.Map;
import org.signpost.core.search.SearchResult;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.wiring.Wiring;

/**
 * One cold start, run in a new JVM by {@link ColdStart}: builds the environment's wiring and search
 * service exactly as a search function does at init (snapshot when SNAPSHOT_BUCKET is set, else a
 * scan of the table), answers one search and prints {@code ANSWERED <total>}. The parent times the
 * whole process from start to that line.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.currentTimeMillis();
    Wiring wiring = Wiring.shared();
    long t1 = System.currentTimeMillis();
    SearchService search = wiring.newSearchService();
    long t2 = System.currentTimeMillis();
    SearchResult result =
        search.find(
            wiring.searchParams.read(
                Map.of("q", List.of("walking group"), "near", List.of("B11"))));
    long t3 = System.currentTimeMillis();
    System.out.printf(
        "PHASES jvm-to-main %d ms, wiring %d ms, index %d ms, first search %d ms%n",
        t0 - jvmStart, t1 - t0, t2 - t1, t3 - t2);
    System.out.println("ANSWERED " + result.hits().total() + " semantic=" + result.semantic());
    // Then how long until an answer uses the semantic leg (the model loads in the background).
    long hybrid = result.semantic() ? t3 : -1;
    long deadline = System.currentTimeMillis() + 10_000;
    while (hybrid < 0 && System.currentTimeMillis() < deadline) {
      SearchResult again =
          search.find(
              wiring.searchParams.read(
                  Map.of("q", List.of("somewhere to meet people"), "near", List.of("B11"))));
      if (again.semantic()) {
        hybrid = System.currentTimeMillis();
      } else {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    System.out.println("HYBRID " + (hybrid < 0 ? -1 : hybrid - jvmStart));
    System.out.flush();
    System.exit(0);
  }
}
