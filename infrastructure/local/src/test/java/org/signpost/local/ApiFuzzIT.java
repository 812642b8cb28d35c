package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The fuzz suite: for every route in template.yaml, cases generated from the OpenAPI spec go
 * through the local runtime over HTTP. No answer may be a 5xx, every {@code /api} and {@code /hsds}
 * error must be problem+json, and rejected requests must write nothing. {@code
 * -Dsignpost.fuzz.cases=N} and {@code -Dsignpost.fuzz.seed=S} scale and vary a run ({@code
 * ./signpost fuzz}).
 */
@ExtendWith(TestBackend.class)
class ApiFuzzIT {
  private static final int CASES = Integer.getInteger("signpost.fuzz.cases", 200);
  private static final long SEED = Long.getLong("signpost.fuzz.seed", 20_261_201L);
  private static final String ORG = "org-fuzz";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  @TempDir static Path state;
  private static LocalServer server;
  private static DevKeys keys;
  private static SamTemplate template;
  private static Map<String, String> tokens;
  private static Map<String, String> realIds;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    System.setProperty("DYNAMODB_ENDPOINT", store.endpoint().toString());
    System.setProperty("TABLE_PREFIX", store.tablePrefix());
    System.setProperty("TRUST_NEW_ORGANISATIONS", "true");
    System.setProperty("SEARCH_POLL_MS", "0");
    System.setProperty("FORM_MIN_FILL_SECONDS", "0");
    keys = DevKeys.loadOrCreate(state);
    template = SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));
    server =
        new LocalServer(
            0,
            template.routes(),
            new JwtAuthoriser(
                keys.publicKey(), DevKeys.ISSUER, DevKeys.AUDIENCE, Clock.systemUTC()));
    server.start();
    String listing =
        ReferralFixtures.listing(Wiring.shared(), ORG, "Fuzz Tea Club", "[\"self\",\"prescriber\"]")
            .id();
    tokens =
        Map.of(
            "admin", keys.mint("admin", null, "fuzz-admin", Duration.ofHours(1)),
            "provider", keys.mint("provider", ORG, "fuzz-provider", Duration.ofHours(1)),
            "prescriber", keys.mint("prescriber", null, "fuzz-gp", Duration.ofHours(1)));
    HttpResponse<String> referral =
        send(
            new SpecFuzzer.Case(
                "POST",
                "/api/referrals",
                Map.of("Content-Type", "application/json"),
                "{\"listing_id\":\""
                    + listing
                    + "\",\"name\":\"Ada\",\"phone\":\"07700 900123\",\"postcode\":\"B11 4AB\","
                    + "\"needs\":[\"loneliness\"],\"language\":\"en\",\"consent\":true}",
                "none",
                "setup"));
    assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
    realIds =
        Map.of(
            "id",
            listing,
            "listingId",
            listing,
            "file",
            "site.css",
            "token",
            "not-a-real-token-0123456789");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> send(SpecFuzzer.Case c) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + c.rawTarget()))
            .timeout(Duration.ofSeconds(30))
            .method(
                c.method(),
                c.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(c.body()));
    c.headers().forEach(request::header);
    String token = tokens == null ? null : tokens.get(c.role());
    if (token != null && !c.headers().containsKey("Authorization")) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long items(String table) {
    return Wiring.shared()
        .dynamo
        .scan(
            r ->
                r.tableName(System.getProperty("TABLE_PREFIX") + table)
                    .select(Select.COUNT)
                    .consistentRead(true))
        .count();
  }

  @Test
  void everyTemplateRoute_answersGeneratedBadInput_withoutA5xx_andWithProblemJson()
      throws Exception {
    long listingsBefore = items(Tables.LISTINGS);
    long referralsBefore = items(Tables.REFERRALS);
    List<SpecFuzzer.Case> cases = new ArrayList<>();
    Map<SpecFuzzer.Case, String> routeOf = new ConcurrentHashMap<>();
    SpecFuzzer fuzzer =
        new SpecFuzzer(
            NodeServer.repositoryRoot()
                .resolve("functions/handlers/src/main/resources/openapi.yaml"),
            realIds);
    for (SamTemplate.Route route : template.routes()) {
      for (SpecFuzzer.Case c : fuzzer.cases(route, SEED, CASES)) {
        cases.add(c);
        routeOf.put(c, route.routeKey());
      }
    }
    Set<String> creatingListings = Set.of("POST /api/listings", "POST /portal/listings");
    Set<String> creatingReferrals =
        Set.of("POST /api/referrals", "POST /api/prescriber/referrals", "POST /refer");
    AtomicInteger listingWrites = new AtomicInteger();
    AtomicInteger referralWrites = new AtomicInteger();
    Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long started = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (SpecFuzzer.Case c : cases) {
      running.add(
          threads.submit(
              () -> {
                String route = routeOf.get(c);
                HttpResponse<String> response;
                try {
                  response = send(c);
                } catch (Exception e) {
                  failures.add(route + " [" + c.breaks() + "]: no answer: " + e);
                  return null;
                }
                int status = response.statusCode();
                synchronized (statuses) {
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                if (status < 400 && creatingListings.contains(route)) {
                  listingWrites.incrementAndGet();
                }
                if (status < 400 && creatingReferrals.contains(route)) {
                  referralWrites.incrementAndGet();
                }
                String failure = check(c, response);
                if (failure != null) {
                  failures.add(
                      route
                          + " ["
                          + c.breaks()
                          + "] "
                          + c.rawTarget().length()
                          + " chars: "
                          + failure);
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    threads.shutdown();
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "fuzz: %d routes, %d cases (%d a route, seed %d) in %d ms; statuses %s%n",
        template.routes().size(), cases.size(), CASES, SEED, millis, statuses);

    assertThat(failures).as("%d failures", failures.size()).isEmpty();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(template.routes().size() * CASES);
    // Whatever was rejected wrote nothing: only accepted creates may add items.
    assertThat(items(Tables.LISTINGS) - listingsBefore).isLessThanOrEqualTo(listingWrites.get());
    assertThat(items(Tables.REFERRALS) - referralsBefore).isLessThanOrEqualTo(referralWrites.get());
  }

  /** What is wrong with one answer, or null. */
  private static String check(SpecFuzzer.Case c, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 500) {
      return status + " " + clip(response.body());
    }
    String path = c.rawTarget();
    boolean api = path.startsWith("/api/") || path.startsWith("/hsds") || path.equals("/health");
    if (status >= 400 && api) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        return status + " as " + type + ": " + clip(response.body());
      }
      try {
        JsonNode problem = Json.MAPPER.readTree(response.body());
        if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
          return status + " with a malformed problem: " + clip(response.body());
        }
      } catch (Exception e) {
        return status + " with a problem that is not JSON: " + clip(response.body());
      }
    }
    return null;
  }

  private static String clip(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
