package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.handlers.hsds.ImportItem;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/** The three import formats, idempotence, dry runs and bad input, against dynalite. */
@ExtendWith(TestBackend.class)
class OpenDataImportIT {
  private static Wiring wiring;
  private static OpenDataImport importer;
  @TempDir Path dir;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    wiring = new Wiring(store.config(false), Clock.systemUTC());
    importer = new OpenDataImport(wiring.organisationService, wiring.listingService, false);
  }

  private static final String HEADER =
      "id,name,summary,description,organisation,day,start,end,address,postcode,lat,lon,cost,"
          + "cost_description,phone,email,website,categories,needs,languages,accessibility,delivery\n";

  @Test
  void spreadsheet_normalisesTimesAndPhones_rejectsBadRows_andReimportChangesNothing()
      throws Exception {
    Path sheet =
        write(
            "activities.csv",
            HEADER
                + "sheet-tea,Tuesday Tea,A cuppa,Tea and chat,Hook Hub,Tuesday,3pm,4:30 PM,"
                + "\"1 Hook Lane, Birmingham\",B11 4AB,52.45,-1.87,free,,(0121) 496.0000,,,"
                + "\"social_groups, befriending\",loneliness,\"English, Urdu\",step_free,in_person\n"
                + "sheet-walk,Wednesday Walk,,,Hook Hub,Wed,9:00-5:00,,Park gates,,52.46,-1.86,"
                + "free,,,,,walking,,,,\n"
                + "sheet-far,Far Away Club,,,Hook Hub,Mon,10:00,11:00,Nowhere,,123,-1.8,free,,,,,,,,,\n"
                + "sheet-late,Late Club,,,Hook Hub,Fri,25pm,11:00,Hall,,52.4,-1.8,free,,,,,,,,,\n"
                + "sheet-formula,\"=HYPERLINK(\"\"http://x.example\"\",\"\"Click\"\")\",,,Hook Hub,"
                + "Thu,10:00,11:00,Hall,,52.4,-1.8,free,,,,,,,,,\n");

    OpenDataImport.Report first = importer.run(sheet, (file, done) -> {});

    assertThat(first.created()).isEqualTo(3);
    assertThat(first.rejected())
        .extracting(ImportItem.Rejected::line, ImportItem.Rejected::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, "service_at_locations[0].location.latitude"),
            org.assertj.core.groups.Tuple.tuple(5L, "start"));
    assertThat(first.rejected().get(1).reason()).contains("25pm");
    ListingContent tea = listing("sheet-tea").content();
    assertThat(tea.schedule().weekly().get(0).start()).isEqualTo("15:00");
    assertThat(tea.schedule().weekly().get(0).end()).isEqualTo("16:30");
    assertThat(tea.contact().phone()).isEqualTo("0121 496 0000");
    assertThat(tea.languages()).containsExactly("en", "ur");
    assertThat(listing("sheet-walk").content().schedule().weekly().get(0).end()).isEqualTo("17:00");
    assertThat(listing("sheet-formula").content().name()).startsWith("=HYPERLINK(");
    assertThat(listing("sheet-tea").organisationId()).isEqualTo("org-hook-hub");

    OpenDataImport.Report again = importer.run(sheet, (file, done) -> {});
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.created() + again.updated()).isZero();
  }

  @Test
  void dryRun_reportsWhatWouldChange_andWritesNothing() throws Exception {
    Path sheet =
        write(
            "dry.csv",
            HEADER
                + "dry-1,Dry Run Club,,,Dry Org,Mon,10:00,11:00,Hall,,52.4,-1.8,free,,,,,,,,,\n");
    OpenDataImport dry =
        OpenDataImport.dryRun(
            wiring.listings, wiring.organisations, wiring.revisions, wiring.clock);

    OpenDataImport.Report report = dry.run(sheet, (file, done) -> {});

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.dryRun()).isTrue();
    assertThat(wiring.listings.find("dry-1")).isEmpty();
    assertThat(wiring.organisations.find("org-dry-org")).isEmpty();
  }

  @Test
  void hsdsJson_readsASingleServiceAnArrayAndNdjson_andReportsDuplicatesAndMissingOrganisations()
      throws Exception {
    String a = service("json-a", "org-json", "Json Org");
    String b = service("json-b", "org-json", "Json Org");
    write("one.json", a);
    write("many.json", "[" + a.replace("json-a", "json-c") + ",\n" + b + ",\n" + b + "]");
    write(
        "lines.ndjson",
        a.replace("json-a", "json-d")
            + "\n"
            + "{\"id\":\"json-e\",\"name\":\"Orphan Service\",\"organization_id\":\"org-missing\","
            + "\"phones\":[{\"number\":\"0121 496 0000\"}]}\n");

    OpenDataImport.Report report = importer.run(dir, (file, done) -> {});

    assertThat(report.created()).as(report.toString()).isEqualTo(4);
    assertThat(report.rejected()).hasSize(2);
    assertThat(report.rejected())
        .anySatisfy(
            r -> {
              assertThat(r.file()).isEqualTo("many.json");
              assertThat(r.reason()).contains("duplicate id json-b");
              assertThat(r.line()).isEqualTo(3);
            })
        .anySatisfy(
            r -> {
              assertThat(r.file()).isEqualTo("lines.ndjson");
              assertThat(r.field()).isEqualTo("organisation_id");
              assertThat(r.line()).isEqualTo(2);
            });
  }

  @Test
  void ohanaPackage_joinsTables_keepsUsAddressesWithoutPostcode_andFallsBackToPhone()
      throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("riverton-directory"));
    Files.writeString(
        pkg.resolve("organizations.csv"),
        "id,name,description,website\n1,Riverton Helpers,Neighbours helping neighbours,www.riverton.example\n");
    Files.writeString(
        pkg.resolve("locations.csv"),
        "id,organization_id,name,latitude,longitude,languages\n"
            + "10,1,Riverton Hall,37.48,-122.23,Spanish.\n"
            + "11,1,Unmapped Office,,,\n");
    Files.writeString(
        pkg.resolve("addresses.csv"),
        "id,location_id,address_1,address_2,city,state_province,postal_code,country\n"
            + "1,10,2 River Road,,Riverton,CA,94063,US\n");
    Files.writeString(
        pkg.resolve("phones.csv"),
        "id,location_id,organization_id,service_id,number,extension,number_type\n"
            + "1,,,101,650 555-0100,,voice\n"
            + "2,,,102,(650) 555-0101,12,voice\n");
    Files.writeString(
        pkg.resolve("regular_schedules.csv"),
        "id,location_id,service_id,weekday,opens_at,closes_at\n1,,101,Monday,9am,12:30 PM\n");
    Files.writeString(
        pkg.resolve("taxonomy.csv"),
        "taxonomy_id,name\n101,Emergency Shelter\n102,Support Groups\n");
    Files.writeString(
        pkg.resolve("services.csv"),
        "id,location_id,name,description,fees,taxonomy_ids\n"
            + "101,10,Riverton Lunch Club,Hot lunch for neighbours,None,102\n"
            + "102,11,Riverton Advice Line,Advice by phone,,101\n"
            + "103,99,Lost Service,Points at a location that does not exist,,\n"
            + "101,10,Riverton Lunch Club Again,Same id twice,,\n");

    OpenDataImport.Report report = importer.run(pkg, (file, done) -> {});

    assertThat(report.created()).isEqualTo(2);
    assertThat(report.rejected())
        .extracting(ImportItem.Rejected::field)
        .containsExactlyInAnyOrder("location_id", "id");
    Listing lunch = listing("riverton-directory-svc-101");
    ListingContent.Location hall = lunch.content().locations().get(0);
    assertThat(hall.postcode()).isNull();
    assertThat(hall.address()).isEqualTo("2 River Road, Riverton, CA, 94063");
    assertThat(lunch.content().languages()).containsExactly("es");
    assertThat(lunch.content().categories()).containsExactly("peer_support");
    assertThat(lunch.content().schedule().weekly().get(0).end()).isEqualTo("12:30");
    assertThat(lunch.content().cost().type()).isEqualTo("free");
    assertThat(lunch.content().contact().url()).isEqualTo("http://www.riverton.example");
    ListingContent line = listing("riverton-directory-svc-102").content();
    assertThat(line.delivery()).containsExactly("phone");
    assertThat(line.referralRoutes()).containsExactly("contact_first");
    assertThat(line.contact().phone()).isEqualTo("650 555-0101");
  }

  @Test
  void badFiles_areReportedWithFileAndLine_andOtherFilesStillImport() throws Exception {
    write("good.json", service("bad-dir-good", "org-bad", "Bad Dir Org"));
    write(
        "truncated.json",
        "[" + service("bad-dir-before", "org-bad", "Bad Dir Org") + ",\n{\"id\": \"cut");
    write("unclosed.csv", HEADER + "x,\"Never closed,,,Org,Mon,10:00,11:00,,,,,,,,,,,,,,\n");
    write("nocolumns.csv", "name,town\nSomething,Somewhere\n");
    byte[] latin1 =
        (HEADER + "lat-1,Caf\u00e9 Club,,,Org,Mon,10:00,11:00,Hall,,52.4,-1.8,free,,,,,,,,,\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("latin1.csv"), latin1);
    try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.ndjson").toFile(), "rw")) {
      huge.setLength(50L * 1024 * 1024);
    }

    OpenDataImport.Report report = importer.run(dir, (file, done) -> {});

    assertThat(report.created()).isEqualTo(2);
    assertThat(listing("bad-dir-before").content().name()).isEqualTo("Service bad-dir-before");
    assertThat(report.rejected()).hasSize(5);
    assertThat(rejection(report, "truncated.json").line()).isEqualTo(2);
    assertThat(rejection(report, "truncated.json").reason()).contains("truncated JSON");
    assertThat(rejection(report, "unclosed.csv").reason()).contains("never closed");
    assertThat(rejection(report, "nocolumns.csv").reason()).contains("[organisation]");
    assertThat(rejection(report, "latin1.csv").reason()).contains("not UTF-8");
    assertThat(rejection(report, "huge.ndjson").reason()).contains("50 MB").contains("20 MB");
    assertThat(wiring.listings.find("lat-1")).isEmpty();
  }

  @Test
  void byteOrderMark_isAccepted() throws Exception {
    write(
        "bom.csv",
        "\uFEFF"
            + HEADER
            + "bom-1,Bom Club,,,Bom Org,Mon,10:00,11:00,Hall,,52.4,-1.8,free,,,,,,,,,\n");

    OpenDataImport.Report report = importer.run(dir.resolve("bom.csv"), (file, done) -> {});

    assertThat(report.rejected()).isEmpty();
    assertThat(listing("bom-1").content().name()).isEqualTo("Bom Club");
  }

  private static ImportItem.Rejected rejection(OpenDataImport.Report report, String file) {
    return report.rejected().stream()
        .filter(r -> r.file().equals(file))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rejection for " + file + ": " + report));
  }

  private static String service(String id, String orgId, String orgName) {
    return """
        {"id": "%s", "name": "Service %s", "description": "A test service.",
         "organization": {"id": "%s", "name": "%s", "description": "Test organisation"},
         "phones": [{"id": "p", "number": "0121 496 0999"}],
         "service_at_locations": [{"id": "sal", "service_id": "%s", "location_id": "l",
           "location": {"id": "l", "location_type": "physical", "latitude": 52.4, "longitude": -1.9,
             "addresses": [{"id": "a", "address_1": "3 Test Street", "city": "Birmingham",
               "state_province": "", "postal_code": "B12 9AA", "country": "GB",
               "address_type": "physical"}]}}]}"""
        .formatted(id, id, orgId, orgName, id)
        .replace("\n", " ");
  }

  private static Listing listing(String id) {
    return wiring.listings.find(id).orElseThrow(() -> new AssertionError("no listing " + id));
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
