package org.signpost.handlers.hsds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a CSV file with a header as column maps, with the line each row starts on.
 * Header names are lower-cased and trimmed; a missing required column, bad encoding or a truncated
 * file is a {@link Sources.FileProblem}.
 */
final class CsvRows {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  /** Receives one row. */
  interface RowSink {
    void accept(Map<String, String> row, long line);
  }

  private CsvRows() {}

  /** The header of a CSV file, lower-cased. */
  static List<String> header(Path file) throws Sources.FileProblem, IOException {
    try (Reader reader = Sources.open(file);
        CSVParser parser = FORMAT.parse(reader)) {
      return parser.getHeaderNames().stream().map(CsvRows::normal).toList();
    } catch (UncheckedIOException | IOException e) {
      throw problem(e, 1);
    }
  }

  static void read(Path file, List<String> required, RowSink sink)
      throws Sources.FileProblem, IOException {
    try (Reader reader = Sources.open(file)) {
      CSVParser parser;
      try {
        parser = FORMAT.parse(reader);
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        throw problem(e, 1);
      }
      List<String> names = parser.getHeaderNames().stream().map(CsvRows::normal).toList();
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (!names.contains(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new Sources.FileProblem(
            1, "missing required column(s) " + missing + "; the header has " + names);
      }
      Iterator<CSVRecord> rows = parser.iterator();
      long line = parser.getCurrentLineNumber() + 1;
      while (true) {
        CSVRecord record;
        try {
          if (!rows.hasNext()) {
            break;
          }
          record = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw problem(e, line);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.size(), record.size()); i++) {
          row.put(names.get(i), record.get(i));
        }
        sink.accept(row, line);
        line = parser.getCurrentLineNumber() + 1;
      }
    }
  }

  private static Sources.FileProblem problem(Exception e, long line) {
    if (Sources.isEncodingError(e)) {
      return Sources.notUtf8(line);
    }
    return new Sources.FileProblem(
        line,
        "the CSV cannot be read from line "
            + line
            + " on (a quote that is never closed, or a truncated file): "
            + Values.clip(String.valueOf(e.getMessage())));
  }

  private static String normal(String header) {
    return header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
  }
}
