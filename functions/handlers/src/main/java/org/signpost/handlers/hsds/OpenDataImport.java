package org.signpost.handlers.hsds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.listing.ListingService;
import org.signpost.core.listing.RevisionRepository;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;
import org.signpost.core.org.OrganisationService;

/**
 * Imports open data (HSDS 3.0 JSON, an Open Referral / Ohana CSV package, or the community-group
 * spreadsheet) through the same services and validation as the API: organisations through {@link
 * OrganisationService#upsert}, listings through {@link ListingService#importListing}. Ids are
 * stable, so running an import twice changes nothing. Bad records are reported with file, line and
 * field, and the rest still import. Thread-safe: each run keeps its own counts.
 */
public final class OpenDataImport {
  /** The caller imports act as: an admin, since imports publish directly. */
  public static final Caller IMPORTER =
      new Caller("open-data-import", Set.of(Role.ADMIN), Optional.empty());

  /** Records written at once; dynalite and DynamoDB both serve a few concurrent writers well. */
  static final int WORKERS = 4;

  private final OrganisationService organisations;
  private final ListingService listings;
  private final boolean dryRun;

  /** Receives progress after each record. */
  public interface Progress {
    void record(String file, int done);
  }

  /** What an import did. {@code warnings} counts each kind of normalisation or dropped value. */
  public record Report(
      int created,
      int updated,
      int unchanged,
      List<ImportItem.Rejected> rejected,
      Map<String, Integer> warnings,
      boolean dryRun) {
    public int total() {
      return created + updated + unchanged + rejected.size();
    }

    /** Rejections grouped by reason with values stripped, most frequent first. */
    public Map<String, Long> rejectionReasons() {
      return rejected.stream()
          .collect(
              Collectors.groupingBy(
                  r -> r.field().replaceAll("\\[\\d+]", "[]") + ": " + generic(r.reason()),
                  Collectors.counting()))
          .entrySet()
          .stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
  }

  public OpenDataImport(
      OrganisationService organisations, ListingService listings, boolean dryRun) {
    this.organisations = organisations;
    this.listings = listings;
    this.dryRun = dryRun;
  }

  /**
   * An import that writes nothing: organisations it would create are staged in memory, so the
   * listings that need them are checked exactly as a real run would check them.
   */
  public static OpenDataImport dryRun(
      ListingRepository listings,
      OrganisationRepository organisations,
      RevisionRepository revisions,
      Clock clock) {
    OrganisationRepository staged = new StagedOrganisations(organisations);
    return new OpenDataImport(
        new OrganisationService(staged),
        new ListingService(listings, staged, revisions, clock, false),
        true);
  }

  public Report run(Path source, Progress progress) throws IOException {
    Tally tally = new Tally(progress);
    // Each record costs a few store round trips, so a few run at once; reading stays on this
    // thread, and the semaphore bounds how many parsed records wait in memory.
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    Semaphore queued = new Semaphore(WORKERS * 8);
    try {
      for (Path file : files(source)) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Set<String> seen = new HashSet<>();
        try {
          read(
              file,
              item -> {
                if (item instanceof ImportItem.Accepted a && !seen.add(a.listingId())) {
                  item =
                      new ImportItem.Rejected(
                          a.file(),
                          a.line(),
                          "id",
                          "duplicate id " + a.listingId() + " within the file");
                }
                ImportItem next = item;
                queued.acquireUninterruptibly();
                workers.execute(
                    () -> {
                      try {
                        apply(next, tally);
                      } finally {
                        queued.release();
                      }
                    });
              });
        } catch (Sources.FileProblem e) {
          tally.reject(new ImportItem.Rejected(name, e.line, "file", e.getMessage()));
        }
      }
    } finally {
      workers.shutdown();
      try {
        if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
          throw new IOException("the import did not finish within an hour");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("the import was interrupted", e);
      }
    }
    return tally.report(dryRun);
  }

  private static List<Path> files(Path source) throws IOException {
    if (!Files.exists(source)) {
      throw new IOException("no such file or directory: " + source);
    }
    if (!Files.isDirectory(source) || OhanaCsvPackage.recognises(source)) {
      return List.of(source);
    }
    try (Stream<Path> entries = Files.list(source)) {
      return entries
          .filter(
              p ->
                  p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(json|ndjson|jsonl|csv)$")
                      || OhanaCsvPackage.recognises(p))
          .sorted()
          .toList();
    }
  }

  private static void read(Path file, java.util.function.Consumer<ImportItem> sink)
      throws Sources.FileProblem, IOException {
    if (OhanaCsvPackage.recognises(file)) {
      OhanaCsvPackage.read(file, sink);
      return;
    }
    String lower = file.toString().toLowerCase(Locale.ROOT);
    if (lower.matches(".*\\.(json|ndjson|jsonl)$")) {
      HsdsJsonReader.read(file, sink);
    } else if (lower.endsWith(".csv")) {
      List<String> header = CsvRows.header(file);
      if (SpreadsheetCsv.recognises(header)) {
        SpreadsheetCsv.read(file, sink);
      } else if (file.getFileName().toString().equals("services.csv")) {
        throw new Sources.FileProblem(
            1, "this is one table of a CSV package: import the directory that holds it");
      } else {
        throw new Sources.FileProblem(
            1,
            "unrecognised CSV: the spreadsheet layout needs the columns "
                + SpreadsheetCsv.REQUIRED
                + " (see docs/templates/activities-template.csv)");
      }
    } else {
      throw new Sources.FileProblem(0, "not a .json, .ndjson or .csv file, nor a CSV package");
    }
  }

  private void apply(ImportItem item, Tally tally) {
    if (item instanceof ImportItem.Rejected rejected) {
      tally.reject(rejected);
      return;
    }
    ImportItem.Accepted a = (ImportItem.Accepted) item;
    try {
      if (a.organisation() != null) {
        // Once per organisation per run; other workers wanting the same one wait for it.
        tally.organisations.computeIfAbsent(a.organisationId(), id -> upsert(a.organisation()));
      }
      tally.count(
          a.file(),
          listings.importListing(
              IMPORTER, a.listingId(), a.organisationId(), a.content(), a.assuredDate(), dryRun),
          a.warnings());
    } catch (SignpostException e) {
      List<FieldError> errors = e.errors();
      String field = errors.isEmpty() ? "record" : errors.get(0).field();
      String reason =
          errors.isEmpty()
              ? e.getMessage()
              : errors.size() == 1
                  ? errors.get(0).message()
                  : errors.stream()
                      .map(f -> f.field() + " " + f.message())
                      .collect(Collectors.joining("; "));
      tally.reject(new ImportItem.Rejected(a.file(), a.line(), field, reason));
    } catch (RuntimeException e) {
      // A store failure must not vanish inside a worker: the record is reported as not written.
      tally.reject(
          new ImportItem.Rejected(
              a.file(),
              a.line(),
              "record",
              "could not be written: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + Values.clip(String.valueOf(e.getMessage()))));
    }
  }

  /** Keeps an organisation's moderation state if it exists; new ones start untrusted. */
  private boolean upsert(Organisation wanted) {
    Optional<Organisation> existing = organisations.find(wanted.id());
    return organisations.upsert(
        IMPORTER,
        new Organisation(
            wanted.id(),
            wanted.name(),
            wanted.description(),
            existing.map(Organisation::status).orElse(Organisation.APPROVED),
            existing.map(Organisation::trusted).orElse(false),
            0));
  }

  /** A message with its specific values ('…' quoted, numbers) removed, for grouping. */
  static String generic(String message) {
    return message.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
  }

  /** Running counts of one import. Thread-safe: workers report through synchronised methods. */
  private static final class Tally {
    private final Progress progress;
    private int created;
    private int updated;
    private int unchanged;
    private final List<ImportItem.Rejected> rejected = new ArrayList<>();
    private final Map<String, Integer> warnings = new HashMap<>();
    final Map<String, Boolean> organisations = new ConcurrentHashMap<>();

    Tally(Progress progress) {
      this.progress = progress;
    }

    synchronized void count(
        String file, ListingService.ImportOutcome outcome, List<String> recordWarnings) {
      switch (outcome) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
      recordWarnings.forEach(w -> warnings.merge(generic(w), 1, Integer::sum));
      progress.record(file, done());
    }

    synchronized void reject(ImportItem.Rejected rejection) {
      rejected.add(rejection);
      progress.record(rejection.file(), done());
    }

    private int done() {
      return created + updated + unchanged + rejected.size();
    }

    synchronized Report report(boolean dryRun) {
      List<ImportItem.Rejected> sorted = new ArrayList<>(rejected);
      sorted.sort(
          java.util.Comparator.comparing(ImportItem.Rejected::file)
              .thenComparingLong(ImportItem.Rejected::line));
      return new Report(
          created, updated, unchanged, List.copyOf(sorted), Map.copyOf(warnings), dryRun);
    }
  }
}
