package org.signpost.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Wiring;

/**
 * {@code ./signpost bench --http}: starts the local runtime as {@code ./signpost run} does, on a
 * fresh dynalite and s3rver with the demo data and generated listings, then sends mixed searches
 * over HTTP from a fixed number of connections while a writer edits a listing through the API every
 * 200 ms, and prints the rate, latency percentiles, errors and the load average. A benchmark, not a
 * test: nothing here runs in {@code ./mvnw verify}.
 */
final class HttpBench {
  private static final String WRITER_ORG = "org-sparkhill-community-hub";
  private static final Duration WRITE_EVERY = Duration.ofMillis(200);
  private static final Duration WARM_UP = Duration.ofSeconds(10);

  /** What people type: the benchmark's words, a misspelling, and sentences about a situation. */
  private static final List<String> TEXTS =
      java.util.stream.Stream.concat(
              org.signpost.bench.Bench.queryWords().stream(),
              java.util.stream.Stream.of(
                  "englsh clas",
                  "something to get me out of the house",
                  "I feel lonely since my wife died",
                  "help with money worries and bills",
                  "exercise for older people with arthritis",
                  "meet other mums with a new baby"))
          .toList();

  /** Demo area first, then five of the generated corpus's cities. */
  private static final double[][] PLACES = {
    {52.4569, -1.8721}, {52.4862, -1.8904}, {53.4808, -2.2426},
    {53.8008, -1.5491}, {51.4545, -2.5879}, {52.9548, -1.1581}
  };

  private static final String[] CATEGORIES = {
    "social_groups", "sport_exercise", "arts_crafts", "gardening_nature", "english_language"
  };
  private static final int[] RADII = {2, 5, 10, 25};

  private HttpBench() {}

  static int run(List<String> args, PrintStream out) throws Exception {
    int seconds = intOption(args, "--seconds", 60);
    int connections = intOption(args, "--connections", 10);
    int generated = intOption(args, "--listings", 2000);
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
    Path state = Files.createTempDirectory("signpost-bench-http");
    String loadAtStart;
    LoadFigures searches;
    long writes;
    long writeFailures;
    int demo;
    try (NodeServer dynalite = Cli.startLocalStore(state.resolve("dynalite"));
        NodeServer s3rver = Cli.startSnapshotStore(state.resolve("s3rver"))) {
      out.printf(
          "fresh store in %s (dynalite on %d, s3rver on %d)%n",
          state, dynalite.port(), s3rver.port());
      Wiring wiring = Wiring.shared();
      Tables.createAll(wiring.dynamo, wiring.config.tablePrefix());
      demo = DemoData.load(wiring.organisationService, wiring.listingService);
      org.signpost.bench.Bench.fillTable(wiring.listings, generated);
      SamTemplate template = SamTemplate.load(Cli.root().resolve("template.yaml"));
      DevKeys keys = DevKeys.loadOrCreate(state);
      LocalServer server = Cli.runtime(port, template, new FunctionWirings(template), keys);
      server.start();
      try {
        String base = "http://127.0.0.1:" + server.port();
        String token =
            keys.issue(
                wiring.memberships, "provider", WRITER_ORG, "bench-writer", Duration.ofHours(4));
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        out.printf(
            Locale.ROOT,
            "HTTP load: %d demo + %,d generated listings, %d connections, %d s (after %d s of"
                + " warm-up), a listing edited every %d ms, on %s%n",
            demo,
            generated,
            connections,
            seconds,
            WARM_UP.toSeconds(),
            WRITE_EVERY.toMillis(),
            base);
        awaitIndex(http, base);
        Load warmUp = new Load(http, base, connections, 1);
        warmUp.searchFor(WARM_UP);
        loadAtStart = loadAverage();
        Writer writer = Writer.start(http, base, token);
        Load load = new Load(http, base, connections, 2);
        searches = load.searchFor(Duration.ofSeconds(seconds));
        writer.stop();
        writes = writer.writes.get();
        writeFailures = writer.failures.get();
        if (writer.lastFailure != null) {
          out.println("last failed write: " + writer.lastFailure);
        }
        if (load.lastFailure != null) {
          out.println("last failed search: " + load.lastFailure);
        }
      } finally {
        server.close();
      }
    }
    String loadAtEnd = loadAverage();
    out.println("searches: " + searches.summary());
    out.printf(Locale.ROOT, "writes: %d, %d failed%n", writes, writeFailures);
    out.printf(
        "load average (1, 5, 15 min): %s at start, %s at end; %d CPU(s), Java %s%n",
        loadAtStart,
        loadAtEnd,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.printf(
        Locale.ROOT,
        "| %d s, %d connections, %,d listings | %.0f searches/s | p50 %.1f ms | p99 %.1f ms |"
            + " %d search errors, %d of %d writes failed | load average %s → %s |%n",
        seconds,
        connections,
        demo + generated,
        searches.perSecond(),
        searches.p50Ms(),
        searches.p99Ms(),
        searches.errors(),
        writeFailures,
        writes,
        loadAtStart,
        loadAtEnd);
    return searches.errors() == 0 && writeFailures == 0 ? 0 : 1;
  }

  /** Waits until the site function's index answers (built from a scan on first use). */
  private static void awaitIndex(HttpClient http, String base) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // The runtime answers once its first index is built.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the search index was not ready within 10 minutes");
  }

  /** One search URL from the mix, chosen by {@code random}. */
  static String searchTarget(SplittableRandom random) {
    double[] place = PLACES[random.nextInt(PLACES.length)];
    String near =
        String.format(
            Locale.ROOT,
            "lat=%.4f&lon=%.4f&radius_km=%d",
            place[0],
            place[1],
            RADII[random.nextInt(RADII.length)]);
    int kind = random.nextInt(100);
    String text =
        "q=" + URLEncoder.encode(TEXTS.get(random.nextInt(TEXTS.size())), StandardCharsets.UTF_8);
    if (kind < 60) {
      return "/api/search?" + text + "&" + near;
    }
    if (kind < 80) {
      return "/api/search?" + near + "&category=" + CATEGORIES[random.nextInt(CATEGORIES.length)];
    }
    if (kind < 90) {
      return "/api/search?"
          + text
          + "&"
          + near
          + "&category="
          + CATEGORIES[random.nextInt(CATEGORIES.length)];
    }
    return "/api/search?" + text;
  }

  /** Searches from a fixed number of connections, each sending its next request on an answer. */
  private static final class Load {
    private final HttpClient http;
    private final String base;
    private final int connections;
    private final long seed;
    private volatile String lastFailure;

    Load(HttpClient http, String base, int connections, long seed) {
      this.http = http;
      this.base = base;
      this.connections = connections;
      this.seed = seed;
    }

    LoadFigures searchFor(Duration duration) throws Exception {
      ExecutorService clients = Executors.newFixedThreadPool(connections);
      AtomicLong errors = new AtomicLong();
      long started = System.nanoTime();
      long until = started + duration.toNanos();
      List<Future<long[]>> running = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        SplittableRandom random = new SplittableRandom(seed * 1000 + c);
        running.add(
            clients.submit(
                () -> {
                  long[] latencies = new long[4096];
                  int n = 0;
                  while (System.nanoTime() < until) {
                    HttpRequest request =
                        HttpRequest.newBuilder(URI.create(base + searchTarget(random)))
                            .timeout(Duration.ofSeconds(30))
                            .build();
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<String> response =
                          http.send(request, HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() / 100 != 2) {
                        errors.incrementAndGet();
                        lastFailure = response.statusCode() + " " + request.uri();
                      }
                    } catch (IOException e) {
                      errors.incrementAndGet();
                      lastFailure = e + " " + request.uri();
                    }
                    if (n == latencies.length) {
                      latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - sent;
                  }
                  return Arrays.copyOf(latencies, n);
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : running) {
        all.add(f.get());
      }
      long elapsed = System.nanoTime() - started;
      clients.shutdown();
      long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
      return LoadFigures.of(merged, errors.get(), Duration.ofNanos(elapsed));
    }
  }

  /** Creates a listing through the API, then replaces it with If-Match every 200 ms. */
  private static final class Writer {
    private final HttpClient http;
    private final String base;
    private final String token;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopped;
    private volatile String lastFailure;
    private Thread thread;
    private String id;
    private String etag;

    private Writer(HttpClient http, String base, String token) {
      this.http = http;
      this.base = base;
      this.token = token;
    }

    static Writer start(HttpClient http, String base, String token) throws Exception {
      Writer writer = new Writer(http, base, token);
      HttpResponse<String> created = writer.send("POST", "/api/listings", null, body(0));
      if (created.statusCode() != 201) {
        throw new IllegalStateException(
            "the writer could not create its listing: " + created.statusCode() + created.body());
      }
      writer.id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
      writer.etag = created.headers().firstValue("ETag").orElseThrow();
      writer.thread = Thread.ofPlatform().name("bench-writer").start(writer::loop);
      return writer;
    }

    private void loop() {
      long next = System.nanoTime();
      for (int edit = 1; !stopped; edit++) {
        next += WRITE_EVERY.toNanos();
        try {
          HttpResponse<String> saved = send("PUT", "/api/listings/" + id, etag, body(edit));
          writes.incrementAndGet();
          if (saved.statusCode() / 100 == 2) {
            etag = saved.headers().firstValue("ETag").orElse(etag);
          } else {
            failures.incrementAndGet();
            lastFailure = saved.statusCode() + " " + saved.body();
          }
          long wait = next - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        } catch (IOException e) {
          writes.incrementAndGet();
          failures.incrementAndGet();
          lastFailure = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      stopped = true;
      thread.join();
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (ifMatch != null) {
        request.header("If-Match", ifMatch);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A listing a group keeps current: its summary changes with each edit. */
    private static String body(int edit) {
      return "{\"name\":\"Sparkhill Bench Choir\",\"summary\":\"Singing together, edit "
          + edit
          + ".\",\"description\":\"Weekly singing for everyone.\","
          + "\"categories\":[\"social_groups\"],\"needs\":[\"loneliness\"],"
          + "\"contact\":{\"email\":\"choir@example.org\"},"
          + "\"locations\":[{\"name\":\"Hall\",\"address\":\"12 Stratford Road, Birmingham\","
          + "\"postcode\":\"B11 4AB\",\"lat\":52.4569,\"lon\":-1.8721}]}";
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static int intOption(List<String> args, String name, int fallback) {
    String value = Cli.option(args, name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
