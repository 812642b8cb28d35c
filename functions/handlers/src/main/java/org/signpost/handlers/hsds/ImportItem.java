package org.signpost.handlers.hsds;

import java.util.List;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.org.Organisation;

/** One record read from an import file: a listing ready to import, or a rejection with reasons. */
public sealed interface ImportItem {

  /** Where the record came from, for reports: a file name and a 1-based line. */
  String file();

  long line();

  /**
   * A listing to import under a stable id.
   *
   * @param organisation the organisation to create or update first, or null to reference one that
   *     must already exist
   * @param warnings values that were normalised or dropped, said out loud
   */
  record Accepted(
      String file,
      long line,
      String listingId,
      String organisationId,
      Organisation organisation,
      ListingContent content,
      String assuredDate,
      List<String> warnings)
      implements ImportItem {
    public Accepted {
      warnings = List.copyOf(warnings);
    }
  }

  /** A record that cannot be imported; {@code field} names the column or HSDS field at fault. */
  record Rejected(String file, long line, String field, String reason) implements ImportItem {}
}
