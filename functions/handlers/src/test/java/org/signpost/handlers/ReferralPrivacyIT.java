package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.handlers.ReferralsApiIT.call;
import static org.signpost.handlers.ReferralsApiIT.json;
import static org.signpost.handlers.ReferralsApiIT.readId;
import static org.signpost.handlers.ReferralsApiIT.selfBody;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.search.SearchParams;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;
import org.slf4j.LoggerFactory;

/** Privacy of referral data: retention purge, PII-free logs, index and notifications. */
@ExtendWith(TestBackend.class)
class ReferralPrivacyIT {
  private static final String ORG = "org-privacy-home";
  private static Wiring wiring;
  private static ReferralsFunction api;
  private static String listingId;
  private static TestBackend.Store backend;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    backend = store;
    wiring =
        new Wiring(store.config(true), ReferralFixtures.settings(1000, null), Clock.systemUTC());
    api = new ReferralsFunction(wiring);
    Events.enrol(wiring.memberships, Events.provider(ORG));
    listingId = ReferralFixtures.listing(wiring, ORG, "Privacy Tea Club", "[\"self\"]").id();
  }

  static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    return api.handleRequest(event, null);
  }

  @Test
  void retentionPurge_deletesReferralsPastTheirTime_andItemsCarryTheTtlAttribute() {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring timed = new Wiring(backend.config(true), ReferralFixtures.settings(1000, null), clock);
    ReferralsFunction timedApi = new ReferralsFunction(timed);
    APIGatewayV2HTTPResponse created =
        timedApi.handleRequest(
            call(
                "POST /api/referrals",
                "/api/referrals",
                null,
                Map.of(),
                selfBody(listingId, "Old", "07700 900555", "", ""),
                null,
                "10.0.3.1"),
            null);
    String id = readId(created);
    var item =
        timed.dynamo.getItem(
            r ->
                r.tableName(backend.tablePrefix() + "referrals")
                    .key(
                        Map.of(
                            "id",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                id))));
    long ttl = Long.parseLong(item.item().get("expiresAt").n());
    assertThat(ttl).isEqualTo(clock.instant().plus(Duration.ofDays(180)).getEpochSecond());

    clock.advance(Duration.ofDays(179));
    timed.referralService.purge();
    assertThat(timed.referrals.find(id)).isPresent();
    clock.advance(Duration.ofDays(2));
    assertThat(timed.referralService.purge()).isGreaterThanOrEqualTo(1);
    assertThat(timed.referrals.find(id)).isEmpty();
  }

  @Test
  void housekeeping_relaysTheOutboxToFiles_once_withoutPersonalData(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path outbox) throws Exception {
    Wiring local =
        new Wiring(
            backend.config(true), ReferralFixtures.settings(1000, outbox), Clock.systemUTC());
    APIGatewayV2HTTPResponse created =
        send(
            call(
                "POST /api/referrals",
                "/api/referrals",
                null,
                Map.of(),
                selfBody(listingId, "Outboxina", "07700 900369", "", ""),
                null,
                "10.0.5.1"));
    String reference = json(created).get("reference").asText();

    new HousekeepingFunction(local).run();
    List<java.nio.file.Path> files;
    try (var listing = java.nio.file.Files.list(outbox)) {
      files = listing.toList();
    }
    String all =
        files.stream()
            .map(
                f -> {
                  try {
                    return java.nio.file.Files.readString(f);
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(all).contains("Subject: New referral " + reference, "To: group@example.org");
    assertThat(all).doesNotContain("Outboxina", "900369");

    new HousekeepingFunction(local).run();
    try (var again = java.nio.file.Files.list(outbox)) {
      assertThat(again.count()).isEqualTo(files.size());
    }
  }

  @Test
  void referralData_neverAppearsInLogs_orInTheSearchIndex() throws Exception {
    String name = "Wilhelmina-Pii-Canary";
    String email = "wilhelmina.canary@example.net";
    String phone = "07700 900246";
    String captured =
        captureStandardError(
            () -> {
              LoggerFactory.getLogger(ReferralsApiIT.class).info("log capture is live");
              APIGatewayV2HTTPResponse created =
                  send(
                      call(
                          "POST /api/referrals",
                          "/api/referrals",
                          null,
                          Map.of(),
                          selfBody(
                              listingId,
                              name,
                              phone,
                              email,
                              "I feel hopeless and want to end my life"),
                          null,
                          "10.0.4.1"));
              String id = readId(created);
              send(
                  call(
                      "GET /api/referrals/{id}",
                      "/api/referrals/" + id,
                      Map.of("id", id),
                      Map.of(),
                      null,
                      Events.provider(ORG),
                      "10.0.4.1"));
              send(
                  call(
                      "POST /api/referrals/{id}/status",
                      "/api/referrals/" + id + "/status",
                      Map.of("id", id),
                      Map.of("if-match", "\"1\""),
                      "{\"status\":\"contacted\"}",
                      Events.provider(ORG),
                      "10.0.4.1"));
              send(
                  call(
                      "POST /api/referrals",
                      "/api/referrals",
                      null,
                      Map.of(),
                      selfBody(listingId, name, phone, email + "<", ""),
                      null,
                      "10.0.4.1"));
              send(
                  call(
                      "POST /api/referrals",
                      "/api/referrals",
                      null,
                      Map.of(),
                      "{\"name\":\"" + name + "\",",
                      null,
                      "10.0.4.1"));
              var search = wiring.newSearchService();
              assertThat(search.search(SearchParams.parse(Map.of("q", List.of(name)))).total())
                  .isZero();
              assertThat(
                      search.search(SearchParams.parse(Map.of("q", List.of("wilhelmina")))).total())
                  .isZero();
              return created;
            });
    assertThat(captured).contains("log capture is live");
    assertThat(captured).doesNotContain(name, email, phone, "900246", "Wilhelmina");
  }

  static String captureStandardError(Supplier<?> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.get();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
