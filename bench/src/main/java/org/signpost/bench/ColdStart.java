package org.signpost.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.signpost.core.embed.Embedding;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.search.SearchService;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.DynamoListingRepository;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.search.IndexedListing;

/**
 * {@code ./signpost bench --cold-start}: for each size, fills a fresh dynalite with generated
 * listings (with random unit vectors of the model's size standing in for embeddings), writes a
 * snapshot to a fresh s3rver, then starts new JVMs that construct the function holding the index
 * ({@code PagesFunction}, as Lambda does at init) and hand it one {@code GET /api/search} event,
 * alternating snapshot-load and table-scan, and reports the median of each.
 */
public final class ColdStart {
  static final String PREFIX = "cold-";
  static final String BUCKET = "cold-snapshots";

  /** JVM uptime at the first answer that used the semantic leg, per probe (-1: none in 10 s). */
  static final List<Long> HYBRID_MS = java.util.Collections.synchronizedList(new ArrayList<>());

  private ColdStart() {}

  static void run(List<Integer> sizes, int runs, PrintStream out) throws Exception {
    out.printf(
        Locale.ROOT,
        "Cold start: new JVM to the first /api/search answer, median of %d runs each"
            + " (JVM flags as template.yaml gives the search function, and SerialGC)%n",
        runs);
    for (int size : sizes) {
      Path dir = Files.createTempDirectory("cold-start");
      try (NodeServer dynalite =
              NodeServer.start(
                  NodeServer.repositoryRoot()
                      .resolve("infrastructure/local/node/dynalite-server.js"));
          NodeServer s3rver =
              NodeServer.start(
                  NodeServer.repositoryRoot().resolve("infrastructure/local/node/s3rver-server.js"),
                  "--dir",
                  dir.toString(),
                  "--bucket",
                  BUCKET)) {
        String dynamo = "http://127.0.0.1:" + dynalite.port();
        String s3 = "http://127.0.0.1:" + s3rver.port();
        System.setProperty("DYNAMODB_ENDPOINT", dynamo);
        System.setProperty("TABLE_PREFIX", PREFIX);
        System.setProperty("SNAPSHOT_BUCKET", BUCKET);
        System.setProperty("S3_ENDPOINT", s3);
        System.setProperty("EMBEDDINGS", "off");
        Wiring wiring = new Wiring(Config.fromEnvironment(), Clock.systemUTC());
        Tables.createAll(wiring.dynamo, PREFIX);
        long loadStarted = System.nanoTime();
        load(wiring.listings, size);
        long loadMs = (System.nanoTime() - loadStarted) / 1_000_000;
        long snapStarted = System.nanoTime();
        SearchService writer = wiring.unstartedSearchService();
        writer.build();
        String key = writer.writeSnapshot(wiring.snapshots);
        long snapMs = (System.nanoTime() - snapStarted) / 1_000_000;
        long bytes = wiring.snapshots.read(key).length;
        List<Long> snapshot = new ArrayList<>();
        List<Long> scan = new ArrayList<>();
        HYBRID_MS.clear();
        for (int i = 0; i < runs; i++) {
          snapshot.add(probe(dynamo, s3, true));
          if (!Boolean.getBoolean("signpost.coldStart.snapshotOnly")) {
            scan.add(probe(dynamo, s3, false));
          }
        }
        out.printf(
            Locale.ROOT,
            "%,d listings: snapshot %d ms, scan %d ms (table filled in %,d ms; snapshot %.1f MB"
                + " built in %,d ms; runs snapshot %s, scan %s; after a snapshot load, the first hybrid"
                + " answer at %d ms of JVM uptime, median)%n",
            size,
            median(snapshot),
            scan.isEmpty() ? -1 : median(scan),
            loadMs,
            bytes / 1e6,
            snapMs,
            snapshot,
            scan,
            HYBRID_MS.isEmpty() ? -1 : median(HYBRID_MS));
      }
    }
  }

  /**
   * The JVM flags template.yaml gives the search function (its JAVA_TOOL_OPTIONS), so a probe
   * starts as that function does; {@code ColdStartFlagsTest} keeps the two the same.
   */
  static final List<String> FUNCTION_FLAGS =
      List.of(
          "-XX:+TieredCompilation",
          "-XX:Tier4InvocationThreshold=20000",
          "-XX:Tier4MinInvocationThreshold=20000",
          "-XX:Tier4CompileThreshold=30000",
          "-XX:Tier4BackEdgeThreshold=200000",
          "--add-modules=jdk.incubator.vector");

  /** Starts a new JVM and times it from start to its first answer. */
  static long probe(String dynamo, String s3, boolean useSnapshot) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dsignpost.probe=" + (useSnapshot ? "snapshot" : "scan"),
                "-DDYNAMODB_ENDPOINT=" + dynamo,
                "-DTABLE_PREFIX=" + PREFIX,
                "-DS3_ENDPOINT=" + s3,
                "-DSNAPSHOT_BUCKET=" + (useSnapshot ? BUCKET : ""),
                "-DLOG_LEVEL=WARN",
                "-cp",
                System.getProperty("java.class.path"),
                ColdStartProbe.class.getName()));
    command.addAll(1, FUNCTION_FLAGS);
    // Extra flags for the probe JVMs (-Dsignpost.probeJvm="..."), such as a flight recording.
    String extra = System.getProperty("signpost.probeJvm", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(1, List.of(extra.split("\\s+")));
    }
    long started = System.nanoTime();
    long answered = -1;
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("PHASES ")) {
          System.err.println((useSnapshot ? "snapshot: " : "scan: ") + line);
        }
        if (line.startsWith("ANSWERED ")) {
          answered = (System.nanoTime() - started) / 1_000_000;
        }
        if (line.startsWith("HYBRID ") && useSnapshot) {
          HYBRID_MS.add(Long.parseLong(line.substring("HYBRID ".length()).trim()));
        }
      }
    }
    process.waitFor(30, TimeUnit.SECONDS);
    if (answered < 0) {
      throw new IllegalStateException(
          "the probe JVM gave no answer (exit " + process.exitValue() + ")");
    }
    return answered;
  }

  /** Writes generated listings straight into the table, four at a time. */
  static void load(DynamoListingRepository listings, int size) throws InterruptedException {
    List<IndexedListing> generated = CorpusGenerator.generate(size, Bench.SEED, Bench.DIMENSIONS);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    // A directory is written over months, not in one burst: listings get edit times a minute apart,
    // so the change log's 5 s catch-up overlap after a snapshot holds a realistic handful of edits
    // rather than every listing written in the last seconds of the load.
    Instant now = Instant.now();
    for (int i = 0; i < generated.size(); i++) {
      IndexedListing g = generated.get(i);
      Instant edited = now.minusSeconds(60L * (generated.size() - i));
      writers.execute(() -> listings.create(listing(g, edited)));
    }
    writers.shutdown();
    if (!writers.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("loading took over an hour");
    }
  }

  private static Listing listing(IndexedListing g, Instant now) {
    List<ListingContent.Location> locations =
        g.points().stream()
            .map(p -> new ListingContent.Location(null, "1 High Street", null, p.lat(), p.lon()))
            .toList();
    ListingContent content =
        new ListingContent(
            g.kind(),
            false,
            false,
            g.name(),
            g.summary(),
            g.description(),
            g.categories(),
            g.needs(),
            g.delivery(),
            locations,
            null,
            new ListingContent.Cost(g.costType(), null),
            g.languages(),
            null,
            g.accessibility(),
            null,
            null,
            null,
            null);
    return new Listing(
        g.id(),
        "org-cold",
        "Cold Start Test Group",
        content,
        Listing.PUBLISHED,
        0,
        g.verifiedAt(),
        now,
        null,
        null,
        null,
        new Embedding("random-unit/int8", "-", g.extras().vector()));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
