package org.signpost.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.Role;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Wiring;

/** The developer command line behind {@code ./signpost}. */
public final class Cli {
  private static final String USAGE =
      """
      Usage: ./signpost <command> [options]

        run [--reset]                      start the local store and API on PORT (default 8080);
                                           loads demo data on first run; --reset starts afresh
        token --role ROLE [--org ID] [--sub ID] [--hours N]
                                           print a bearer token for the local runtime and
                                           register that membership in the local store
                                           (ROLE is admin, prescriber or provider)
        import FILE_OR_DIR [--dry-run] [--region R --table-prefix P]
                                           import HSDS 3.0 JSON, an Open Referral CSV package
                                           or the activities spreadsheet (local store by
                                           default; AWS with --region and --table-prefix)
        postcodes import FILE              load postcode centroids from an ONS Postcode Directory
                                           CSV into the local store (for near=FULL POSTCODE)
        bench [--sizes 10000,100000] [--iterations N] [--no-dynamo]
                                           run the search benchmark and print a Markdown table
        bench --http [--seconds 60] [--connections 10] [--listings 2000]
                                           start the local runtime on a fresh store and time
                                           searches over HTTP while a writer edits a listing
                                           every 200 ms (req/s, p50, p99, errors, load average)
        eval [--per-query] [--set demo|baltimore] [--keyword-only]
                                           judged queries: Signpost against plain BM25
                                           (nDCG@10, P@10, recall@20) in the same run
      """;

  /** The users the local sign-in page knows by name, and what each may do. */
  static final Map<String, Membership> DEMO_USERS =
      Map.of(
          "admin", new Membership("admin", Role.ADMIN, Optional.empty()),
          "prescriber", new Membership("prescriber", Role.PRESCRIBER, Optional.empty()),
          "lead", new Membership("lead", Role.PRESCRIBER_LEAD, Optional.empty()),
          "provider",
              new Membership("provider", Role.PROVIDER, Optional.of("org-northfield-mens-shed")));

  private Cli() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      System.out.print(USAGE);
      return;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    int code =
        switch (args[0]) {
          case "run" -> run(rest);
          case "token" -> token(rest, System.out, System.err);
          case "import" -> ImportCommand.run(rest, System.out, System.err);
          case "postcodes" -> postcodes(rest);
          case "bench" -> {
            if (rest.remove("--http")) {
              // The runtime's pools and SDK clients outlive the run; the figures are printed.
              int exit = HttpBench.run(rest, System.out);
              System.out.flush();
              System.exit(exit);
            }
            org.signpost.bench.Bench.main(rest.toArray(String[]::new));
            yield 0;
          }
          case "eval" -> {
            org.signpost.bench.eval.Evaluation.main(rest.toArray(String[]::new));
            yield 0;
          }
          default -> {
            System.err.println("unknown command: " + args[0]);
            System.err.print(USAGE);
            yield 2;
          }
        };
    if (code != 0) {
      System.exit(code);
    }
  }

  static Path root() {
    return NodeServer.repositoryRoot();
  }

  static Path stateDir() {
    return root().resolve(".signpost");
  }

  static int token(List<String> args, PrintStream out, PrintStream err) {
    String role = option(args, "--role");
    if (role == null
        || !List.of("admin", "prescriber", "prescriber_lead", "provider")
            .contains(role.toLowerCase(Locale.ROOT))) {
      err.println("--role must be admin, prescriber, prescriber_lead or provider");
      return 2;
    }
    String org = option(args, "--org");
    if ("provider".equals(role) && org == null) {
      err.println(
          "a provider token needs --org ID (for example --org org-sparkhill-community-hub)");
      return 2;
    }
    String sub = option(args, "--sub");
    String hours = option(args, "--hours");
    DevKeys keys = DevKeys.loadOrCreate(stateDir());
    String lower = role.toLowerCase(Locale.ROOT);
    String subject = sub == null ? "local-" + lower + (org == null ? "" : "-" + org) : sub;
    try (LocalMemberships members = LocalMemberships.open(stateDir())) {
      out.println(
          keys.issue(
              members.repository(),
              lower,
              org,
              subject,
              Duration.ofHours(hours == null ? 12 : Long.parseLong(hours))));
    } catch (IllegalArgumentException | org.signpost.core.errors.SignpostException e) {
      err.println(e.getMessage());
      return 2;
    }
    return 0;
  }

  /** Imports postcode centroids into the local store the run command uses. */
  static int postcodes(List<String> args) throws IOException {
    if (args.size() != 2 || !args.get(0).equals("import")) {
      System.err.println("usage: ./signpost postcodes import FILE");
      return 2;
    }
    Path file = Path.of(args.get(1));
    if (!Files.isReadable(file)) {
      System.err.println("cannot read " + file);
      return 2;
    }
    Path data = stateDir().resolve("dynalite");
    Files.createDirectories(data);
    try (NodeServer dynalite =
        NodeServer.start(
            root().resolve("infrastructure/local/node/dynalite-server.js"),
            "--path",
            data.toString())) {
      System.setProperty("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + dynalite.port());
      System.setProperty("TABLE_PREFIX", "local-");
      System.setProperty("AWS_REGION", "eu-west-2");
      Wiring wiring = Wiring.shared();
      Tables.createAll(wiring.dynamo, wiring.config.tablePrefix());
      try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
        long written = wiring.postcodes.importCsv(reader);
        System.out.println("Imported " + written + " postcodes.");
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
    }
    return 0;
  }

  static int run(List<String> args) throws IOException, InterruptedException {
    Path state = stateDir();
    boolean reset = args.contains("--reset");
    Path data = state.resolve("dynalite");
    Path marker = state.resolve("demo-loaded");
    if (reset) {
      deleteTree(data);
      deleteTree(state.resolve("s3rver"));
      Files.deleteIfExists(marker);
    }
    Files.createDirectories(data);
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    long started = System.nanoTime();

    // Restarted on the same port and data directory if it dies, so the runtime recovers by itself.
    StoreWatchdog dynalite =
        StoreWatchdog.watch(
            startLocalStore(data),
            root().resolve("infrastructure/local/node/dynalite-server.js"),
            data,
            1_000);
    NodeServer s3rver = startSnapshotStore(state.resolve("s3rver"));
    // The real code flow against a local OpenID Connect server; configured before any wiring.
    int oidcPort = Integer.parseInt(System.getenv().getOrDefault("OIDC_PORT", "" + (port + 1)));
    LocalOidc oidc = LocalOidc.start(oidcPort);
    oidc.configure("http://localhost:" + port);
    Wiring wiring = Wiring.shared();
    Tables.createAll(wiring.dynamo, wiring.config.tablePrefix());
    if (!Files.exists(marker)) {
      int loaded = DemoData.load(wiring.organisationService, wiring.listingService);
      Files.writeString(marker, "demo data loaded\n");
      System.out.println("Loaded " + loaded + " demo listings.");
    }
    for (Map.Entry<String, Membership> user : DEMO_USERS.entrySet()) {
      wiring.memberships.put(user.getValue());
    }

    SamTemplate template = SamTemplate.load(root().resolve("template.yaml"));
    // One wiring per template function, each limited to that function's template permissions.
    FunctionWirings functions = new FunctionWirings(template);
    LocalServer server = runtime(port, template, functions, DevKeys.loadOrCreate(state));
    server.start();
    // Lets ./signpost token register memberships in this store while it is locked by this run.
    LocalMemberships.advertise(state, dynalite.current().port());
    // Stands in for the EventBridge schedule and SES: relays the outbox to files and prints them.
    var housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    var chores =
        Wiring.buildWith(
            functions.forFunction("HousekeepingFunction"),
            org.signpost.handlers.HousekeepingFunction::new);
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            Object sent = chores.run().getOrDefault("sent", List.of());
            ((List<?>) sent).forEach(file -> System.out.println("outbox: " + file));
          } catch (RuntimeException e) {
            System.err.println("housekeeping failed: " + e);
          }
        },
        5,
        5,
        java.util.concurrent.TimeUnit.SECONDS);
    // Stands in for the indexer's schedule: a fresh snapshot a minute, so a restart starts fast.
    var indexer = new org.signpost.handlers.IndexerFunction();
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            indexer.run();
          } catch (RuntimeException e) {
            System.err.println("index snapshot failed: " + e);
          }
        },
        60,
        60,
        java.util.concurrent.TimeUnit.SECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  housekeeping.shutdownNow();
                  LocalMemberships.withdraw(state);
                  server.close();
                  oidc.close();
                  dynalite.close();
                  s3rver.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "Signpost is running on http://localhost:%d (ready in %d ms)%n"
            + "  try: curl 'http://localhost:%d/api/search?q=english&lat=52.4569&lon=-1.8721&radius_km=5'%n"
            + "  token: ./signpost token --role provider --org org-sparkhill-community-hub%n"
            + "  pages: http://localhost:%d/%n"
            + "  sign in: http://localhost:%d/auth/login (the local OpenID Connect server at %s%n"
            + "           asks for a user name: admin, prescriber, or provider - a provider of%n"
            + "           org-northfield-mens-shed; any other name signs in with no role)%n"
            + "Press Ctrl+C to stop.%n",
        server.port(),
        (System.nanoTime() - started) / 1_000_000,
        server.port(),
        server.port(),
        server.port(),
        oidc.issuer());
    stopped.await();
    return 0;
  }

  /**
   * The runtime as {@code run} serves it: the template's routes, each function limited to its
   * template permissions, bearer tokens checked against the development key.
   */
  static LocalServer runtime(
      int port, SamTemplate template, FunctionWirings functions, DevKeys keys) throws IOException {
    JwtAuthoriser authoriser =
        new JwtAuthoriser(keys.publicKey(), DevKeys.ISSUER, DevKeys.AUDIENCE, Clock.systemUTC());
    return new LocalServer(port, template.routes(), authoriser, functions::instantiate);
  }

  /**
   * Starts s3rver on the snapshot store under .signpost/ and points the wiring at it: search
   * environments open the newest index snapshot from it at start.
   */
  static NodeServer startSnapshotStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    NodeServer s3rver =
        NodeServer.start(
            root().resolve("infrastructure/local/node/s3rver-server.js"),
            "--dir",
            dir.toString(),
            "--bucket",
            LOCAL_SNAPSHOT_BUCKET);
    System.setProperty("SNAPSHOT_BUCKET", LOCAL_SNAPSHOT_BUCKET);
    System.setProperty("S3_ENDPOINT", "http://127.0.0.1:" + s3rver.port());
    return s3rver;
  }

  static final String LOCAL_SNAPSHOT_BUCKET = "local-snapshots";

  /**
   * Starts dynalite on the local store under .signpost/ and points the wiring at it, as {@code run}
   * and {@code import} both need. The caller closes the returned server.
   */
  static NodeServer startLocalStore(Path data) throws IOException {
    Files.createDirectories(data);
    NodeServer dynalite =
        NodeServer.start(
            root().resolve("infrastructure/local/node/dynalite-server.js"),
            "--path",
            data.toString());
    System.setProperty("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + dynalite.port());
    System.setProperty("TABLE_PREFIX", "local-");
    System.setProperty("AWS_REGION", "eu-west-2");
    System.setProperty("TRUST_NEW_ORGANISATIONS", "true");
    System.setProperty("SEARCH_POLL_MS", "1000");
    System.setProperty("OUTBOX_DIR", data.getParent().resolve("outbox").toString());
    // The site key Secrets Manager holds in AWS; kept in .signpost/ so forms survive a restart.
    System.setProperty("WEB_SECRET", webSecret(data.getParent()));
    return dynalite;
  }

  /** The local site key, generated on first use and readable only by its owner. */
  static String webSecret(Path state) throws IOException {
    Path file = state.resolve("web-secret");
    if (!Files.exists(file)) {
      Path temp = Files.createTempFile(state, "secret", ".tmp");
      Files.setPosixFilePermissions(
          temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temp, org.signpost.handlers.web.FormTokens.randomToken(48));
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return Files.readString(file).strip();
  }

  static String option(List<String> args, String name) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
