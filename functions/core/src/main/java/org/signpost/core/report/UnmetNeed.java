package org.signpost.core.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cell of the unmet-need counters: a month, an area and a need. It holds nothing about a person
 * or a query: the month is a calendar month, the area only a postcode's outward code, and the need
 * a term of the managed vocabulary.
 *
 * @param month the calendar month in London, as {@code 2026-11}
 * @param outwardCode an outward code such as {@code B11}, or {@link #UNKNOWN} when the search gave
 *     no postcode
 * @param need {@code need:<term>} or {@code category:<term>} from the search's filters, or {@link
 *     #UNCATEGORISED}
 */
public record UnmetNeed(String month, String outwardCode, String need) {
  /** The area of a search that gave no postcode or outward code. */
  public static final String UNKNOWN = "unknown";

  /** The need of a search that named no need or category. */
  public static final String UNCATEGORISED = "uncategorised";

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]?");
  private static final Pattern NEED = Pattern.compile("(need|category):[a-z_]{1,40}");

  public UnmetNeed {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(outwardCode, "outwardCode");
    Objects.requireNonNull(need, "need");
    // Only these shapes are ever stored, so free text cannot reach the counters by mistake.
    if (!MONTH.matcher(month).matches()) {
      throw new IllegalArgumentException("month must look like 2026-11, not " + month);
    }
    if (!UNKNOWN.equals(outwardCode) && !OUTWARD.matcher(outwardCode).matches()) {
      throw new IllegalArgumentException("not an outward code: " + outwardCode);
    }
    if (!UNCATEGORISED.equals(need) && !NEED.matcher(need).matches()) {
      throw new IllegalArgumentException("not a vocabulary term: " + need);
    }
  }
}
