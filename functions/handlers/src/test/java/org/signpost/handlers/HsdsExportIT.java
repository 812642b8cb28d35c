package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsExporter;
import org.signpost.handlers.hsds.HsdsFixtures;
import org.signpost.handlers.hsds.HsdsIds;
import org.signpost.handlers.storage.S3HsdsExports;
import org.signpost.handlers.storage.S3IndexSnapshots;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The complete HSDS export in a real S3-API server (s3rver): written when the directory changes,
 * and where {@code format=ndjson} sends a client once every service no longer fits one answer.
 */
@ExtendWith(TestBackend.class)
class HsdsExportIT {
  private static NodeServer s3rver;
  private static S3Client s3;
  private static Wiring wiring;
  private static S3HsdsExports exports;
  private static HsdsCatalogue catalogue;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    Path dir = Files.createTempDirectory("s3rver");
    s3rver =
        NodeServer.start(
            NodeServer.repositoryRoot().resolve("infrastructure/local/node/s3rver-server.js"),
            "--dir",
            dir.toString());
    Optional<URI> endpoint = Optional.of(URI.create("http://127.0.0.1:" + s3rver.port()));
    s3 = S3IndexSnapshots.client("eu-west-2", endpoint);
    s3.createBucket(r -> r.bucket("exports-test"));
    exports = new S3HsdsExports(s3, S3HsdsExports.presigner("eu-west-2", endpoint), "exports-test");
    wiring = new Wiring(store.config(false), Clock.systemUTC());
    wiring.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-exp", "Export Hub"));
    for (int i = 0; i < 3; i++) {
      wiring.listingService.importListing(
          HsdsFixtures.ADMIN,
          "exp-" + i,
          "org-exp",
          HsdsFixtures.rich("Export Café " + i),
          null,
          false);
    }
    catalogue = new HsdsCatalogue(wiring.listings, wiring.listings, wiring.organisations);
  }

  @AfterAll
  static void stop() {
    s3.close();
    s3rver.close();
  }

  @Test
  void export_isWrittenOncePerDirectoryState_andNdjsonPastTheCapRedirectsToIt() throws Exception {
    // given no export yet, a directory too large for one answer gets a clear problem, not a 5xx
    HsdsFunction tiny = new HsdsFunction(catalogue, exports, 100);
    APIGatewayV2HTTPResponse early = ndjson(tiny, "format=ndjson");
    assertThat(early.getStatusCode()).isEqualTo(400);
    assertThat(early.getBody()).contains("not written yet");

    // when the housekeeping run writes it, and runs again with nothing changed
    HsdsExporter exporter = new HsdsExporter(catalogue, exports, Clock.systemUTC());
    HsdsExporter.Result first = exporter.run();
    HsdsExporter.Result again = exporter.run();

    // then it was written once, with every published service
    assertThat(first.written()).isTrue();
    assertThat(again.written()).isFalse();
    assertThat(first.services()).isEqualTo(3);

    // and ndjson past the cap redirects to it, saying how fresh it is
    APIGatewayV2HTTPResponse redirect = ndjson(tiny, "format=ndjson");
    assertThat(redirect.getStatusCode()).isEqualTo(302);
    assertThat(redirect.getHeaders()).containsKey("X-Export-Generated-At");
    HttpResponse<String> fetched =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(redirect.getHeaders().get("Location"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(fetched.statusCode()).isEqualTo(200);
    String[] lines = fetched.body().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(fetched.body()).contains(HsdsIds.service("exp-0"), HsdsIds.service("exp-2"));

    // and a filtered ndjson answer past the cap is not redirected to the whole directory
    APIGatewayV2HTTPResponse filtered = ndjson(tiny, "format=ndjson&search=export");
    assertThat(filtered.getStatusCode()).isEqualTo(400);

    // and under the cap, the answer itself holds every service
    APIGatewayV2HTTPResponse whole =
        ndjson(new HsdsFunction(catalogue, exports), "format=ndjson&per_page=1");
    assertThat(whole.getStatusCode()).isEqualTo(200);
    assertThat(whole.getBody().split("\n")).hasSize(3);

    // and once the directory changes, the next run writes it again
    wiring.listingService.importListing(
        HsdsFixtures.ADMIN, "exp-new", "org-exp", HsdsFixtures.phoneLine("Late Line"), null, false);
    HsdsExporter.Result after = exporter.run();
    assertThat(after.written()).isTrue();
    assertThat(after.services()).isEqualTo(4);
  }

  private static APIGatewayV2HTTPResponse ndjson(HsdsFunction function, String query) {
    return function.handleRequest(
        Events.request("GET /hsds/services", "/hsds/services", null, query, Map.of(), null, null),
        null);
  }
}
