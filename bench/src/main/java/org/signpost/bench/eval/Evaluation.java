package org.signpost.bench.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.embed.Embedder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.SynonymSource;
import org.signpost.handlers.embed.MiniLmEmbedder;
import org.signpost.search.SearchHits;
import org.signpost.search.SearchIndex;

/**
 * {@code ./signpost eval}: runs judged query sets against Signpost's search (the same parameter
 * parsing and search service as {@code GET /api/search}) and, in the same run over the same
 * listings, against plain BM25. Prints nDCG@10, P@10, recall@20, the zero-result queries and the
 * per-query differences.
 */
public final class Evaluation {
  static final int DEPTH = 20;

  /** One system's figures on one set. */
  public record SystemScores(
      String system, double ndcg10, double p10, double recall20, List<String> zeroResults) {}

  /** Both systems on one set, with each query's nDCG@10 for both. */
  public record Comparison(
      String set,
      int queries,
      int listings,
      SystemScores signpost,
      SystemScores bm25,
      Map<String, double[]> perQuery,
      Map<String, String> queryText) {}

  private Evaluation() {}

  /** Where the shared third-party data lives, if it is there. */
  public static Optional<Path> sharedData(Path root) {
    Path data = root.resolve("../shared/data/bchd-baltimore-charmcare").normalize();
    return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
  }

  /** The embedder an evaluation uses: the product's model, with a vector cache on disk. */
  public static Embedder embedder(Path cacheDir, boolean semantic) {
    return semantic
        ? new CachingEmbedder(MiniLmEmbedder.shared(), cacheDir.resolve("embeddings.bin"))
        : Embedder.NONE;
  }

  /** Evaluates the demo set over the demo listings. */
  public static Comparison demo(Path root, Embedder embedder) {
    Clock clock = Clock.systemUTC();
    EvalCorpus corpus =
        EvalCorpus.demo(
            root.resolve("infrastructure/local/src/main/resources/demo/listings.json"),
            embedder,
            clock);
    save(embedder);
    return compare(corpus, JudgedSet.load("demo"), embedder, clock);
  }

  /** Evaluates the Baltimore set over an import of the shared Baltimore directory. */
  public static Comparison baltimore(Path data, Embedder embedder) throws IOException {
    Clock clock = Clock.systemUTC();
    EvalCorpus corpus = EvalCorpus.imported("baltimore", data, embedder, clock);
    save(embedder);
    return compare(corpus, JudgedSet.load("baltimore"), embedder, clock);
  }

  private static void save(Embedder embedder) {
    if (embedder instanceof CachingEmbedder caching) {
      caching.save();
    }
  }

  static Comparison compare(EvalCorpus corpus, JudgedSet set, Embedder embedder, Clock clock) {
    SearchService service =
        new SearchService(
            new SearchIndex(),
            corpus.store().listings,
            clock,
            Duration.ofHours(1),
            CrisisRoutes.bundled(),
            SynonymSource.NONE,
            embedder);
    service.build();
    SearchParams params = new SearchParams(OutcodeGeocoder.bundled(), clock);
    List<Metrics.Scores> ours = new ArrayList<>();
    List<Metrics.Scores> theirs = new ArrayList<>();
    List<String> oursZero = new ArrayList<>();
    List<String> theirsZero = new ArrayList<>();
    Map<String, double[]> perQuery = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    try (PlainBm25 bm25 = new PlainBm25(corpus.listings())) {
      for (JudgedSet.Query q : set.queries()) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("q", List.of(q.text()));
        request.put("limit", List.of(String.valueOf(DEPTH)));
        if (q.near() != null) {
          request.put("near", List.of(q.near()));
        }
        SearchHits hits = service.find(params.read(request)).hits();
        List<String> ranked = hits.hits().stream().map(h -> corpus.key().apply(h.id())).toList();
        List<String> baseline = bm25.search(q.text(), DEPTH).stream().map(corpus.key()).toList();
        Metrics.Scores a = Metrics.score(q, ranked);
        Metrics.Scores b = Metrics.score(q, baseline);
        ours.add(a);
        theirs.add(b);
        if (ranked.isEmpty()) {
          oursZero.add(q.id());
        }
        if (baseline.isEmpty()) {
          theirsZero.add(q.id());
        }
        if (SHOW.contains(q.id())) {
          show(q, hits, corpus);
        }
        perQuery.put(q.id(), new double[] {a.ndcg10(), b.ndcg10()});
        texts.put(q.id(), q.text());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Comparison(
        set.name(),
        set.queries().size(),
        corpus.listings().size(),
        mean("signpost", ours, oursZero),
        mean("bm25", theirs, theirsZero),
        perQuery,
        texts);
  }

  /**
   * Queries whose top ten are printed with their grades: {@code -Dsignpost.eval.show=b050,d003}.
   */
  private static final java.util.Set<String> SHOW =
      java.util.Set.of(System.getProperty("signpost.eval.show", "").split(","));

  private static void show(JudgedSet.Query q, SearchHits hits, EvalCorpus corpus) {
    System.out.printf(Locale.ROOT, "%n  %s  %s%n", q.id(), q.text());
    int rank = 0;
    for (SearchHits.Hit hit : hits.hits().subList(0, Math.min(10, hits.hits().size()))) {
      System.out.printf(
          Locale.ROOT,
          "    %2d  grade %d  %s  %s%n",
          ++rank,
          q.grade(corpus.key().apply(hit.id())),
          hit.name(),
          hit.why());
    }
  }

  private static SystemScores mean(String name, List<Metrics.Scores> scores, List<String> zero) {
    return new SystemScores(
        name,
        scores.stream().mapToDouble(Metrics.Scores::ndcg10).average().orElse(0),
        scores.stream().mapToDouble(Metrics.Scores::p10).average().orElse(0),
        scores.stream().mapToDouble(Metrics.Scores::recall20).average().orElse(0),
        List.copyOf(zero));
  }

  /** Prints a comparison as the README shows it. */
  public static void print(Comparison c, boolean perQuery, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nset %s: %d judged queries over %d listings%n",
        c.set(),
        c.queries(),
        c.listings());
    out.printf(
        Locale.ROOT,
        "  %-9s %8s %6s %6s  %s%n",
        "system",
        "nDCG@10",
        "P@10",
        "R@20",
        "zero-result queries");
    for (SystemScores s : List.of(c.signpost(), c.bm25())) {
      out.printf(
          Locale.ROOT,
          "  %-9s %8.3f %6.3f %6.3f  %s%n",
          s.system(),
          s.ndcg10(),
          s.p10(),
          s.recall20(),
          s.zeroResults().isEmpty() ? "none" : String.join(" ", s.zeroResults()));
    }
    if (!perQuery) {
      return;
    }
    out.println("  per query, nDCG@10 signpost vs bm25 (largest differences first):");
    c.perQuery().entrySet().stream()
        .sorted(
            Comparator.comparingDouble(
                (Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[0] - e.getValue()[1])))
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "    %-5s %5.2f %5.2f %+6.2f  %s%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[0] - e.getValue()[1],
                    c.queryText().get(e.getKey())));
  }

  /**
   * Runs every set it can.
   *
   * <p>Arguments: {@code [--root DIR] [--keyword-only] [--per-query] [--set demo|baltimore]}.
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(System.getProperty("signpost.root", "."));
    boolean semantic = true;
    boolean perQuery = false;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--keyword-only" -> semantic = false;
        case "--per-query" -> perQuery = true;
        case "--set" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Embedder embedder = embedder(root.resolve(".signpost/eval-cache"), semantic);
    if (only == null || only.equals("demo")) {
      print(demo(root, embedder), perQuery, System.out);
    }
    if (only == null || only.equals("baltimore")) {
      Optional<Path> data = sharedData(root);
      if (data.isEmpty()) {
        System.out.println(
            "\nset baltimore: skipped, ../shared/data/bchd-baltimore-charmcare is absent");
      } else {
        print(baltimore(data.get(), embedder), perQuery, System.out);
      }
    }
  }
}
