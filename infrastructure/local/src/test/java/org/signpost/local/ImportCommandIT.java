package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/** {@code ./signpost import}: report, exit codes, progress output and usage errors. */
@ExtendWith(TestBackend.class)
class ImportCommandIT {
  private static final String HEADER = "name,organisation,day,start,end,address,lat,lon\n";
  private static Wiring wiring;
  @TempDir Path dir;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    wiring = new Wiring(store.config(false), Clock.systemUTC());
  }

  @Test
  void cleanImport_exitsZero_andPrintsTotals() throws Exception {
    Path sheet =
        Files.writeString(
            dir.resolve("ok.csv"), HEADER + "Cli Tea,Cli Org,Tue,10am,11am,Hall,52.4,-1.8\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = ImportCommand.execute(importer(), sheet, print(out), false);

    assertThat(code).isZero();
    assertThat(text(out)).contains("1 created, 0 updated, 0 unchanged, 0 rejected");
  }

  @Test
  void anyRejectedRow_exitsOne_andNamesFileLineAndField() throws Exception {
    Path sheet =
        Files.writeString(
            dir.resolve("bad.csv"),
            HEADER
                + "Cli Walk,Cli Org,Wed,10am,11am,Park,52.4,-1.8\n"
                + "Cli Bad,Cli Org,Wed,10am,11am,Park,north,-1.8\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = ImportCommand.execute(importer(), sheet, print(out), false);

    assertThat(code).isEqualTo(1);
    assertThat(text(out)).contains("1 rejected").contains("bad.csv:3 lat: not a number: 'north'");
  }

  @Test
  void terminal_getsAProgressBar() throws Exception {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 12; i++) {
      rows.append("Cli Club ").append(i).append(",Cli Org,Thu,10am,11am,Hall,52.4,-1.8\n");
    }
    Path sheet = Files.writeString(dir.resolve("many.csv"), rows);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ImportCommand.execute(importer(), sheet, print(out), true);

    assertThat(text(out)).contains("\r[#").contains("10 records");
  }

  @Test
  void usageErrors_exitTwo() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(ImportCommand.run(List.of(), print(new ByteArrayOutputStream()), print(err)))
        .isEqualTo(2);
    assertThat(
            ImportCommand.run(
                List.of("x.csv", "--region", "eu-west-2"),
                print(new ByteArrayOutputStream()),
                print(err)))
        .isEqualTo(2);
    assertThat(text(err)).contains("usage: ./signpost import").contains("--table-prefix");
  }

  private static OpenDataImport importer() {
    return new OpenDataImport(wiring.organisationService, wiring.listingService, false);
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }
}
