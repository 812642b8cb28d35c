package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.TestBackend;

/**
 * Imports the real open-data sets that CI keeps in {@code ../shared/data} (never copied into this
 * repository) into dynalite, then searches them. Skipped, with a message, where the folder is
 * absent.
 */
@ExtendWith(TestBackend.class)
class SharedDataImportIT {
  private static final Path SHARED = NodeServer.repositoryRoot().resolve("../shared/data");
  private static Wiring wiring;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    assumeTrue(
        Files.isDirectory(SHARED),
        "skipped: no shared open data at " + SHARED.normalize() + " (CI provides it)");
    wiring = new Wiring(store.config(false), Clock.systemUTC());
  }

  @Test
  void baltimore_importsWithReasons_andFoodPantriesAreFoundNearBaltimore() throws Exception {
    Path dir = SHARED.resolve("bchd-baltimore-charmcare");
    assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent");
    OpenDataImport importer =
        new OpenDataImport(wiring.organisationService, wiring.listingService, false);

    long started = System.nanoTime();
    OpenDataImport.Report report = importer.run(dir, (file, done) -> {});
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "Baltimore: %d records, %d created, %d rejected in %.1f s (%.0f records/s)%n%s%n%s%n",
        report.total(),
        report.created(),
        report.rejected().size(),
        seconds,
        report.total() / seconds,
        report.rejectionReasons(),
        report.warnings());

    // Observed on the 2019 snapshot: 22 descriptions exceed the 4,000-character limit and one
    // service has neither a location nor an organisation.
    assertThat(report.total()).isEqualTo(1876);
    assertThat(report.created() + report.updated() + report.unchanged()).isEqualTo(1853);
    assertThat(report.rejected()).hasSize(23);
    assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    assertThat(report.rejectionReasons())
        .containsEntry("description: must be at most N characters (got N)", 22L)
        .containsEntry(
            "organization_id: the service has neither a location nor an organization", 1L);
    assertThat(report.warnings())
        .containsEntry(
            "no location with coordinates: imported as a phone service, contact first", 132);

    SearchFunction search = new SearchFunction(wiring.newSearchService());
    JsonNode found =
        Json.MAPPER.readTree(
            search
                .handleRequest(
                    Events.request(
                        "GET /api/search",
                        "/api/search",
                        Map.of(),
                        "q=food+pantry&lat=39.29&lon=-76.61&radius_km=25",
                        Map.of(),
                        null,
                        null),
                    null)
                .getBody());
    JsonNode results = found.get("results");
    assertThat(results).hasSizeGreaterThanOrEqualTo(10);
    for (int i = 0; i < 10; i++) {
      JsonNode hit = results.get(i);
      // Judged by what the service says it does: its names, description and keywords.
      var listing = wiring.listings.find(hit.get("id").asText()).orElseThrow().content();
      assertThat(
              String.join(
                  " ",
                  listing.name(),
                  hit.path("organisation").path("name").asText(),
                  String.valueOf(listing.description()),
                  String.join(" ", listing.keywords())))
          .as("hit %d", i)
          .containsAnyOf("Food", "food", "Pantry", "pantry", "Pantries", "Kitchen", "Meal", "meal");
      assertThat(hit.get("distance_km").asDouble()).isLessThanOrEqualTo(25.0);
    }
  }

  @Test
  void sanMateo_importsWithReasons_andReimportChangesNothing() throws Exception {
    Path dir = SHARED.resolve("ohana-san-mateo");
    assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent");
    OpenDataImport importer =
        new OpenDataImport(wiring.organisationService, wiring.listingService, false);

    OpenDataImport.Report first = importer.run(dir, (file, done) -> {});
    System.out.printf(
        "San Mateo: %d records, %d created, %d rejected%n%s%n%s%n%s%n",
        first.total(),
        first.created(),
        first.rejected().size(),
        first.rejectionReasons(),
        first.rejected(),
        first.warnings());
    OpenDataImport.Report second = importer.run(dir, (file, done) -> {});

    // Observed: one schedule closes (03:00) before it opens (9am), and one service's location has
    // neither coordinates nor a phone number.
    assertThat(first.created() + first.updated() + first.unchanged()).isEqualTo(21);
    assertThat(first.rejected())
        .extracting(r -> r.line() + " " + r.field())
        .containsExactly("2 schedule.weekly[0].end", "21 locations");
    assertThat(first.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    assertThat(second.unchanged()).isEqualTo(21);
    assertThat(second.created()).isZero();
    assertThat(second.updated()).isZero();
  }
}
