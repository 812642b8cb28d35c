package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsFixtures;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/** Export, import into an empty store, export again: the services are the same. */
@ExtendWith(TestBackend.class)
class HsdsRoundTripIT {

  @Test
  void exportImportExport_givesTheSameServices(TestBackend.Store store, @TempDir Path dir)
      throws Exception {
    // given a store with varied listings
    Wiring source = new Wiring(store.config(false), Clock.systemUTC());
    source.organisationService.upsert(
        HsdsFixtures.ADMIN, HsdsFixtures.organisation("org-rt", "Round Trip Hub"));
    source.listingService.importListing(
        HsdsFixtures.ADMIN,
        "rt-1",
        "org-rt",
        HsdsFixtures.rich("English Café"),
        "2026-09-01",
        false);
    source.listingService.importListing(
        HsdsFixtures.ADMIN, "rt-2", "org-rt", HsdsFixtures.phoneLine("Night Line"), null, false);
    source.listingService.importListing(
        HsdsFixtures.ADMIN,
        "rt-3",
        "org-rt",
        HsdsFixtures.rich("=HYPERLINK(\"http://x.example\")"),
        null,
        false);

    // when it is exported as ndjson and imported into an empty store
    List<ObjectNode> first = export(source);
    StringBuilder ndjson = new StringBuilder();
    first.forEach(service -> ndjson.append(Json.write(service)).append('\n'));
    Path file = Files.writeString(dir.resolve("export.ndjson"), ndjson);
    Config emptyConfig =
        new Config(
            store.tablePrefix() + "empty-", Optional.of(store.endpoint()), "eu-west-2", false, 0);
    Wiring empty = new Wiring(emptyConfig, Clock.systemUTC());
    Tables.createAll(empty.dynamo, emptyConfig.tablePrefix());
    OpenDataImport.Report report =
        new OpenDataImport(empty.organisationService, empty.listingService, false)
            .run(file, (name, done) -> {});

    // then everything imported, and the second export equals the first but for last_modified
    assertThat(report.rejected()).isEmpty();
    assertThat(report.created()).isEqualTo(3);
    List<ObjectNode> second = export(empty);
    assertThat(withoutTimestamps(second)).isEqualTo(withoutTimestamps(first));

    // and importing the same file again changes nothing
    OpenDataImport.Report again =
        new OpenDataImport(empty.organisationService, empty.listingService, false)
            .run(file, (name, done) -> {});
    assertThat(again.unchanged()).isEqualTo(3);
  }

  private static List<ObjectNode> export(Wiring wiring) {
    return new HsdsCatalogue(wiring.listings, wiring.listings, wiring.organisations)
        .services(HsdsCatalogue.Query.parse(Map.of("per_page", List.of("500"))))
        .contents();
  }

  private static List<ObjectNode> withoutTimestamps(List<ObjectNode> services) {
    return services.stream()
        .map(
            s -> {
              ObjectNode copy = s.deepCopy();
              copy.remove("last_modified");
              return copy;
            })
        .toList();
  }
}
