package org.signpost.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One report table: named columns and rows of cells (text, numbers, or null where a figure is
 * suppressed or undefined). Immutable.
 */
public record Report(String name, List<String> columns, List<List<Object>> rows) {
  public Report {
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row of "
                + name
                + " has "
                + row.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
      // Cells may be null (suppressed), so List.copyOf cannot be used.
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }
}
