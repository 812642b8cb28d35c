package org.signpost.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signpost.core.embed.Embedding;
import org.signpost.handlers.embed.MiniLmEmbedder;
import org.signpost.handlers.storage.DynamoListingRepository;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;
import org.signpost.search.SearchFilters;
import org.signpost.search.SearchIndex;
import org.signpost.search.SearchQuery;

/**
 * The search benchmark behind {@code ./signpost bench}: builds the in-memory index over generated
 * corpora and times the query mixes the product cares about, with a plain-Lucene and a DynamoDB
 * Scan baseline measured in the same process.
 */
public final class Bench {
  static final long SEED = 20261127L;
  private static final String[] WORDS = {
    "english",
    "walking group",
    "knit",
    "yoga",
    "befriending",
    "garden",
    "choir",
    "debt advice",
    "lunch club",
    "lonely",
    "esol",
    "tai chi",
    "cookery",
    "job club",
    "carers"
  };
  private static final String[] TYPOS = {
    "englsh", "walkng", "befreinding", "alotment", "gardning", "cokery", "bereavment", "choire"
  };
  private static final String[] PREFIXES = {"eng", "wal", "kni", "gar", "cho", "be", "lunch", "ta"};
  private static final String[] NEEDS = {
    "loneliness", "low_mood_anxiety", "physical_activity", "learning_english", "carers"
  };

  /** The sentence-embedding model's size. */
  static final int DIMENSIONS = 384;

  private Bench() {}

  /** The one- and two-word searches the benchmarks time, as people type them. */
  public static List<String> queryWords() {
    return List.of(WORDS);
  }

  /**
   * Writes {@code size} generated listings (the benchmark corpus, with random unit vectors for
   * embeddings) straight into a listings table, for load runs that need a realistic directory.
   */
  public static void fillTable(DynamoListingRepository listings, int size)
      throws InterruptedException {
    ColdStart.load(listings, size);
  }

  /**
   * Options: {@code --sizes 10000,100000}, {@code --iterations N}, {@code --no-dynamo}, {@code
   * --no-embedding} (skip timing the query-embedding model); {@code --cold-start [--sizes
   * 1000,10000] [--runs 5]} times new JVMs to their first answer instead.
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 100_000);
    int iterations = 3000;
    boolean dynamo = true;
    boolean embeddings = true;
    boolean coldStart = false;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cold-start" -> coldStart = true;
        case "--snapshot-only" -> System.setProperty("signpost.coldStart.snapshotOnly", "true");
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--no-embedding" -> embeddings = false;
        case "--sizes" ->
            sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--no-dynamo" -> dynamo = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (coldStart) {
      ColdStart.run(args(sizes, List.of(1_000, 10_000), args), runs, System.out);
      return;
    }
    run(sizes, iterations, dynamo, embeddings, System.out);
  }

  /** The sizes asked for, or the cold-start defaults when none were. */
  private static List<Integer> args(List<Integer> sizes, List<Integer> fallback, String[] args) {
    return java.util.Arrays.asList(args).contains("--sizes") ? sizes : fallback;
  }

  static void run(List<Integer> sizes, int iterations, boolean dynamo, PrintStream out)
      throws Exception {
    run(sizes, iterations, dynamo, false, out);
  }

  /** The query-embedding cost: new sentences each time, then the same ones from the cache. */
  static void queryEmbedding(int iterations, PrintStream out) throws Exception {
    MiniLmEmbedder model = MiniLmEmbedder.shared();
    if (!model.available()) {
      out.println("| - | query embedding | | | model unavailable: " + model.failure() + " |");
      return;
    }
    int n = Math.max(50, Math.min(iterations, 500));
    Latencies fresh =
        Latencies.measure(
            20,
            n,
            i ->
                model.embed(
                    WORDS[i % WORDS.length]
                        + " near me for someone who feels "
                        + TYPOS[i % TYPOS.length]
                        + " "
                        + i));
    row(out, 0, "query embedding, MiniLM int8 model, new sentence each time", fresh, "one thread");
    Latencies cached = Latencies.measure(20, n, i -> model.embed(WORDS[i % WORDS.length]));
    row(out, 0, "query embedding, repeated query (cache hit)", cached, "");
  }

  static void run(
      List<Integer> sizes, int iterations, boolean dynamo, boolean embeddings, PrintStream out)
      throws Exception {
    out.printf(
        Locale.ROOT,
        "Signpost search benchmark: Java %s, %d CPU(s), max heap %d MB, seed %d, %d timed"
            + " queries per scenario%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        SEED,
        iterations);
    out.println("| Listings | Scenario | p50 | p99 | Notes |");
    out.println("|---|---|---|---|---|");
    if (embeddings) {
      queryEmbedding(iterations, out);
    }
    for (int size : sizes) {
      List<IndexedListing> corpus = CorpusGenerator.generate(size, SEED, DIMENSIONS);
      long before = usedHeap();
      long started = System.nanoTime();
      SearchIndex index = new SearchIndex();
      index.applyAll(corpus);
      index.refresh();
      long buildMs = (System.nanoTime() - started) / 1_000_000;
      long heapMb = (usedHeap() - before) >> 20;
      out.printf(
          Locale.ROOT,
          "| %,d | index build | %,d ms | | heap used by the index after a full GC: %d MB;"
              + " index files %d MB, memory-mapped outside the heap; process RSS %s |%n",
          size,
          buildMs,
          heapMb,
          index.fileBytes() >> 20,
          rss());
      int warmup = Math.max(200, iterations / 3);
      int n = iterations;
      Latencies keyword =
          Latencies.measure(
              warmup, n, i -> index.search(query(WORDS[i % WORDS.length], null, null)));
      row(out, size, "keyword only", keyword, "");
      java.util.Random queryVectors = new java.util.Random(SEED + 2);
      byte[][] vectors = new byte[64][];
      for (int v = 0; v < vectors.length; v++) {
        vectors[v] = CorpusGenerator.randomVector(queryVectors, DIMENSIONS);
      }
      Latencies hybrid =
          Latencies.measure(
              warmup,
              n,
              i ->
                  index.search(
                      query(WORDS[i % WORDS.length], null, null)
                          .withVector(vectors[i % vectors.length])));
      row(
          out,
          size,
          "hybrid: keyword + semantic leg, rank fusion (query vector given)",
          hybrid,
          "random unit vectors, " + DIMENSIONS + " dims, int8");
      if (embeddings && MiniLmEmbedder.shared().available()) {
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        // As a search environment answers: respell, embed a sentence it has not seen (no cache
        // hit), then both legs. Random listing vectors, so this times the path, not relevance.
        Latencies endToEnd =
            Latencies.measure(
                Math.min(warmup, 200),
                Math.min(n, 1000),
                i -> {
                  String text = sentence(i);
                  index.search(
                      query(text, null, null)
                          .withVector(Embedding.quantise(model.embed(index.respell(text)))));
                });
        row(
            out,
            size,
            "hybrid with the query embedding: respell, embed a new sentence, both legs",
            endToEnd,
            "the issue's hybrid bar includes the embedding");
      }
      Latencies combined = Latencies.measure(warmup, n, i -> index.search(combined(i)));
      row(out, size, "keyword + need + 5 km + distance sort + facets", combined, "");
      Latencies filters =
          Latencies.measure(warmup, n, i -> index.search(query("", filters(i), null)));
      row(out, size, "filters only (free, language, step-free, day)", filters, "");
      Latencies fuzzy =
          Latencies.measure(
              warmup, n, i -> index.search(query(TYPOS[i % TYPOS.length], null, null)));
      row(out, size, "fuzzy (misspelt word)", fuzzy, "");
      Latencies suggest =
          Latencies.measure(warmup, n, i -> index.suggest(PREFIXES[i % PREFIXES.length]));
      row(out, size, "suggest", suggest, "");

      long plainBefore = usedHeap();
      long plainStarted = System.nanoTime();
      try (PlainLuceneBaseline plain = new PlainLuceneBaseline(corpus)) {
        long plainBuild = (System.nanoTime() - plainStarted) / 1_000_000;
        long plainHeap = (usedHeap() - plainBefore) >> 20;
        Latencies plainKeyword =
            Latencies.measure(warmup, n, i -> plain.keyword(WORDS[i % WORDS.length]));
        row(
            out,
            size,
            "baseline: plain Lucene BM25 keyword, top 20",
            plainKeyword,
            String.format(
                Locale.ROOT,
                "Signpost keyword p50 is %.2f× this, hybrid %.2f×",
                keyword.percentileMillis(50) / plainKeyword.percentileMillis(50),
                hybrid.percentileMillis(50) / plainKeyword.percentileMillis(50)));
        Latencies baseline =
            Latencies.measure(
                warmup,
                n,
                i -> plain.combined(WORDS[i % WORDS.length], NEEDS[i % NEEDS.length], point(i), 5));
        row(
            out,
            size,
            "baseline: plain Lucene (StandardAnalyzer, no synonyms/fuzzy/facets), combined",
            baseline,
            String.format(
                Locale.ROOT,
                "build %,d ms, heap %d MB; Signpost p50 is %.2f× this",
                plainBuild,
                plainHeap,
                combined.percentileMillis(50) / baseline.percentileMillis(50)));
      }
      if (dynamo && size <= 10_000) {
        try (DynamoScanBaseline scan = new DynamoScanBaseline(corpus)) {
          Latencies baseline =
              Latencies.measure(
                  2,
                  20,
                  i ->
                      scan.combined(
                          firstWord(WORDS[i % WORDS.length]),
                          NEEDS[i % NEEDS.length],
                          point(i),
                          5));
          row(
              out,
              size,
              "baseline: DynamoDB Scan + filter in dynalite, combined (20 runs)",
              baseline,
              String.format(
                  Locale.ROOT,
                  "Signpost p50 is %.4f× this (%.0f× faster)",
                  combined.percentileMillis(50) / baseline.percentileMillis(50),
                  baseline.percentileMillis(50) / combined.percentileMillis(50)));
        }
      }
      index.close();
    }
  }

  private static String firstWord(String words) {
    int space = words.indexOf(' ');
    return space < 0 ? words : words.substring(0, space);
  }

  private static void row(PrintStream out, int size, String name, Latencies l, String notes) {
    out.printf(
        Locale.ROOT,
        "| %,d | %s | %.3f ms | %.3f ms | %s |%n",
        size,
        name,
        l.percentileMillis(50),
        l.percentileMillis(99),
        notes);
  }

  private static GeoPoint point(int i) {
    GeoPoint city = CorpusGenerator.CITIES.get(i % CorpusGenerator.CITIES.size());
    return new GeoPoint(
        city.lat() + ((i * 37) % 11 - 5) * 0.01, city.lon() + ((i * 53) % 11 - 5) * 0.01);
  }

  private static SearchQuery query(String text, SearchFilters filters, GeoPoint point) {
    return new SearchQuery(
        text,
        filters,
        point,
        null,
        SearchQuery.SortOrder.RELEVANCE,
        20,
        null,
        CorpusGenerator.TODAY);
  }

  static SearchQuery combined(int i) {
    SearchFilters need =
        new SearchFilters(
            List.of(NEEDS[i % NEEDS.length]),
            List.of(),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            false,
            false,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            false);
    return new SearchQuery(
        WORDS[i % WORDS.length],
        need,
        point(i),
        5.0,
        SearchQuery.SortOrder.DISTANCE,
        20,
        null,
        CorpusGenerator.TODAY);
  }

  private static SearchFilters filters(int i) {
    return new SearchFilters(
        List.of(),
        List.of(),
        true,
        List.of(),
        i % 2 == 0 ? List.of("en") : List.of("ur", "pa"),
        List.of("step_free"),
        null,
        false,
        false,
        List.of(),
        List.of(),
        1 + i % 7,
        null,
        null,
        null,
        false);
  }

  private static final String[] WHO = {
    "for older people",
    "for young carers",
    "in Urdu",
    "for dads",
    "that is free",
    "for women",
    "near the city centre",
    "for someone who is lonely"
  };

  /**
   * A request as a person might type it, different for every {@code i} below 1,800, so each one
   * misses the query-embedding cache.
   */
  static String sentence(int i) {
    return WORDS[i % WORDS.length]
        + " "
        + WHO[(i / WORDS.length) % WHO.length]
        + " or "
        + WORDS[(i / (WORDS.length * WHO.length)) % WORDS.length];
  }

  /** The process's resident set size, from /proc (Linux), or "n/a". */
  static String rss() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kb >> 10) + " MB";
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return "n/a";
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  /** Rows printed, for the smoke test. */
  static List<String> lines(String output) {
    return new ArrayList<>(List.of(output.split("\n")));
  }
}
