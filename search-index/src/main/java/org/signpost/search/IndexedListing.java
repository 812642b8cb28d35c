package org.signpost.search;

import java.util.List;
import java.util.Objects;

/**
 * The searchable projection of a listing. It holds no personal data: only what a published
 * directory entry shows.
 *
 * @param searchable false for drafts, submitted and archived listings; those are removed from the
 *     index
 * @param verifiedAt ISO date of the last human verification, or null
 * @param nextSession ISO local date-time of the next session (Europe/London), or null
 * @param sessions weekly sessions, used by day and time filters
 */
public record IndexedListing(
    String id,
    long version,
    boolean searchable,
    String kind,
    String name,
    String summary,
    String description,
    List<String> categories,
    List<String> needs,
    List<GeoPoint> points,
    List<String> delivery,
    List<String> languages,
    List<String> accessibility,
    String costType,
    Integer minimumAge,
    Integer maximumAge,
    boolean womenOnly,
    boolean menOnly,
    boolean crisis,
    String organisationId,
    String organisationName,
    String verifiedAt,
    String nextSession,
    List<WeeklySlot> sessions) {

  public IndexedListing {
    Objects.requireNonNull(id, "id");
    kind = kind == null ? "activity" : kind;
    name = name == null ? "" : name;
    summary = summary == null ? "" : summary;
    description = description == null ? "" : description;
    categories = List.copyOf(categories == null ? List.of() : categories);
    needs = List.copyOf(needs == null ? List.of() : needs);
    points = List.copyOf(points == null ? List.of() : points);
    delivery = List.copyOf(delivery == null ? List.of() : delivery);
    languages = List.copyOf(languages == null ? List.of() : languages);
    accessibility = List.copyOf(accessibility == null ? List.of() : accessibility);
    sessions = List.copyOf(sessions == null ? List.of() : sessions);
    organisationName = organisationName == null ? "" : organisationName;
  }

  /** A weekly session: ISO day of week (1 = Monday) and minutes since midnight. */
  public record WeeklySlot(int dayOfWeek, int startMinute, int endMinute) {
    public WeeklySlot {
      if (dayOfWeek < 1 || dayOfWeek > 7) {
        throw new IllegalArgumentException("dayOfWeek out of range: " + dayOfWeek);
      }
    }
  }
}
