package org.signpost.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.hsds.ImportItem;
import org.signpost.handlers.hsds.OpenDataImport;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Wiring;

/**
 * {@code ./signpost import}: runs an open-data import against the local store (or AWS) and prints
 * progress and a report. Exits 1 if any record was rejected, 2 on a usage error.
 */
final class ImportCommand {
  static final int SHOWN_REJECTIONS = 30;

  private ImportCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    List<String> positional =
        args.stream()
            .filter(a -> !a.startsWith("--"))
            .filter(a -> !isOptionValue(args, a))
            .toList();
    if (positional.size() != 1) {
      err.println("usage: ./signpost import FILE_OR_DIR [--dry-run] [--region R --table-prefix P]");
      return 2;
    }
    Path source = Path.of(positional.get(0));
    boolean dryRun = args.contains("--dry-run");
    String region = Cli.option(args, "--region");
    String prefix = Cli.option(args, "--table-prefix");
    if ((region == null) != (prefix == null)) {
      err.println("--region and --table-prefix go together (both name the AWS deployment)");
      return 2;
    }
    NodeServer dynalite = null;
    try {
      if (region != null) {
        System.setProperty("AWS_REGION", region);
        System.setProperty("TABLE_PREFIX", prefix);
        System.setProperty("DYNAMODB_ENDPOINT", "");
      } else {
        // The store is a directory dynalite locks: stop ./signpost run before importing.
        dynalite = Cli.startLocalStore(Cli.stateDir().resolve("dynalite"));
      }
      Wiring wiring = Wiring.shared();
      if (dynalite != null) {
        Tables.createAll(wiring.dynamo, wiring.config.tablePrefix());
      }
      OpenDataImport importer =
          dryRun
              ? OpenDataImport.dryRun(
                  wiring.listings, wiring.organisations, wiring.revisions, wiring.clock)
              : new OpenDataImport(wiring.organisationService, wiring.listingService, false);
      return execute(importer, source, out, System.console() != null);
    } finally {
      if (dynalite != null) {
        dynalite.close();
      }
    }
  }

  private static boolean isOptionValue(List<String> args, String value) {
    int at = args.indexOf(value);
    return at > 0 && List.of("--region", "--table-prefix").contains(args.get(at - 1));
  }

  /** Runs the import and prints the report; the exit code says whether any record failed. */
  static int execute(OpenDataImport importer, Path source, PrintStream out, boolean terminal)
      throws IOException {
    long started = System.nanoTime();
    OpenDataImport.Report report;
    try {
      report = importer.run(source, new ProgressLine(out, terminal));
    } catch (IOException e) {
      out.println();
      out.println("Import failed: " + e.getMessage());
      return 1;
    }
    double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
    if (terminal) {
      out.println();
    }
    out.printf(
        "%s %d records in %.1f s (%.0f records/s): %d created, %d updated, %d unchanged, %d rejected%n",
        report.dryRun() ? "Dry run (nothing written):" : "Imported",
        report.total(),
        seconds,
        report.total() / seconds,
        report.created(),
        report.updated(),
        report.unchanged(),
        report.rejected().size());
    if (!report.rejected().isEmpty()) {
      out.println("Rejections by reason:");
      report.rejectionReasons().entrySet().stream()
          .limit(10)
          .forEach(e -> out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
      out.println("Rejected records (file:line field: reason):");
      for (ImportItem.Rejected r : report.rejected().stream().limit(SHOWN_REJECTIONS).toList()) {
        out.printf("  %s:%d %s: %s%n", r.file(), r.line(), r.field(), r.reason());
      }
      if (report.rejected().size() > SHOWN_REJECTIONS) {
        out.printf("  … and %d more%n", report.rejected().size() - SHOWN_REJECTIONS);
      }
    }
    if (!report.warnings().isEmpty()) {
      out.println("Values normalised or dropped (imported records):");
      report.warnings().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(10)
          .forEach(e -> out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
    }
    return report.rejected().isEmpty() ? 0 : 1;
  }

  /** A progress bar on a terminal; a plain line every 500 records otherwise (logs, CI). */
  private static final class ProgressLine implements OpenDataImport.Progress {
    private final PrintStream out;
    private final boolean terminal;

    ProgressLine(PrintStream out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public void record(String file, int done) {
      if (terminal && done % 10 == 0) {
        // The total is unknown while streaming, so the bar cycles every 1000 records.
        int filled = (done / 50) % 20 + 1;
        out.printf("\r[%-20s] %d records  %s", "#".repeat(filled), done, file);
        out.flush();
      } else if (!terminal && done % 500 == 0) {
        out.printf("progress: %d records (%s)%n", done, file);
      }
    }
  }
}
