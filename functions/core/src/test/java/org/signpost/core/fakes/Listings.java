package org.signpost.core.fakes;

import java.util.List;
import org.signpost.core.listing.ListingContent;

/** Builders for listing content in tests. */
public final class Listings {
  private Listings() {}

  public static ListingContent content(String name) {
    return content(name, false);
  }

  /** With {@code crisis}, an always-open crisis signpost. */
  public static ListingContent content(String name, boolean crisis) {
    return new ListingContent(
        crisis ? "signpost" : "activity",
        crisis,
        crisis,
        name,
        "A friendly group.",
        "Come and join us.",
        List.of("social_groups"),
        List.of("loneliness"),
        List.of("in_person"),
        List.of(
            new ListingContent.Location(
                "Hall", "1 High Street, Birmingham", "B11 4AB", 52.45, -1.87)),
        new ListingContent.Schedule(
            List.of(
                new ListingContent.WeeklySession("tue", "10:00", "11:30", "weekly", null, null)),
            List.of(),
            null,
            null,
            List.of()),
        new ListingContent.Cost("free", null),
        List.of("en"),
        null,
        List.of(),
        "accepting",
        List.of("self"),
        null,
        null);
  }
}
