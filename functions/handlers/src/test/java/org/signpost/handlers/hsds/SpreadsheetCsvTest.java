package org.signpost.handlers.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.core.org.Organisation;

class SpreadsheetCsvTest {
  private static final Organisation ORG = HsdsFixtures.organisation("org-hub", "Sparkhill Hub");

  @Test
  void export_escapesFormulaCells_butNotNumbers_andReadsBackToTheSameText(@TempDir Path dir)
      throws Exception {
    // given
    String formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    var service =
        HsdsMapping.toService(
            HsdsFixtures.published("lst-f", ORG, HsdsFixtures.rich(formula)), ORG);

    // when
    String csv = SpreadsheetCsv.write(List.of(service));
    Path file = Files.writeString(dir.resolve("export.csv"), csv);
    List<ImportItem> items = new ArrayList<>();
    SpreadsheetCsv.read(file, items::add);

    // then
    assertThat(csv).contains("\"'=HYPERLINK(").contains(",-1.8721,");
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", SpreadsheetCsv.COLUMNS));
    assertThat(items).hasSize(1).first().isInstanceOf(ImportItem.Accepted.class);
    ImportItem.Accepted back = (ImportItem.Accepted) items.get(0);
    assertThat(back.content().name()).isEqualTo(formula);
    assertThat(back.content().locations().get(0).lon()).isEqualTo(-1.8721);
    assertThat(back.content().schedule().weekly().get(0).start()).isEqualTo("10:00");
  }

  @Test
  void shippedTemplate_hasEveryColumn_andItsExampleRowImports() throws Exception {
    Path template =
        org.signpost.devstore.NodeServer.repositoryRoot()
            .resolve("docs/templates/activities-template.csv");
    List<ImportItem> items = new ArrayList<>();

    SpreadsheetCsv.read(template, items::add);

    assertThat(Files.readAllLines(template).get(0))
        .isEqualTo(String.join(",", SpreadsheetCsv.COLUMNS));
    assertThat(items).hasSize(1).first().isInstanceOf(ImportItem.Accepted.class);
  }
}
