package org.signpost.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The searchable projection of a listing. It holds no personal data: only what a published
 * directory entry shows.
 *
 * @param searchable false for drafts, submitted and archived listings; those are removed from the
 *     index
 * @param needs every need served, directly or through a category
 * @param verifiedAt ISO date of the last human verification, or null
 * @param nextSession ISO local date-time of the next session (Europe/London), or null
 * @param sessions weekly sessions, used by day and time filters
 * @param directNeeds the needs the provider named themselves; the rest came from categories
 * @param open247 an always-open signpost (a helpline, say), open at any day and time
 * @param validFrom first date sessions run, or null
 * @param validTo last date sessions run, or null
 * @param closures date ranges with no sessions
 * @param datedSessions sessions on particular dates: one-offs, and fortnightly or monthly sessions
 *     worked out over the coming months, so "open now" can honour their frequency
 * @param extras more searchable text and the listing's embedding
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
    List<WeeklySlot> sessions,
    List<String> directNeeds,
    boolean open247,
    LocalDate validFrom,
    LocalDate validTo,
    List<DateRange> closures,
    List<DatedSlot> datedSessions,
    Extras extras) {

  public IndexedListing {
    Objects.requireNonNull(id, "id");
    kind = kind == null ? "activity" : kind;
    name = name == null ? "" : name;
    summary = summary == null ? "" : summary;
    description = description == null ? "" : description;
    categories = copy(categories);
    needs = copy(needs);
    points = copy(points);
    delivery = copy(delivery);
    languages = copy(languages);
    accessibility = copy(accessibility);
    sessions = copy(sessions);
    organisationName = organisationName == null ? "" : organisationName;
    directNeeds = directNeeds == null ? needs : List.copyOf(directNeeds);
    closures = copy(closures);
    datedSessions = copy(datedSessions);
    extras = extras == null ? Extras.NONE : extras;
  }

  /** Everything but the extras. */
  public IndexedListing(
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
      List<WeeklySlot> sessions,
      List<String> directNeeds,
      boolean open247,
      LocalDate validFrom,
      LocalDate validTo,
      List<DateRange> closures,
      List<DatedSlot> datedSessions) {
    this(
        id,
        version,
        searchable,
        kind,
        name,
        summary,
        description,
        categories,
        needs,
        points,
        delivery,
        languages,
        accessibility,
        costType,
        minimumAge,
        maximumAge,
        womenOnly,
        menOnly,
        crisis,
        organisationId,
        organisationName,
        verifiedAt,
        nextSession,
        sessions,
        directNeeds,
        open247,
        validFrom,
        validTo,
        closures,
        datedSessions,
        Extras.NONE);
  }

  /** The walking-skeleton shape: weekly sessions only, every need direct, no closures. */
  public IndexedListing(
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
    this(
        id,
        version,
        searchable,
        kind,
        name,
        summary,
        description,
        categories,
        needs,
        points,
        delivery,
        languages,
        accessibility,
        costType,
        minimumAge,
        maximumAge,
        womenOnly,
        menOnly,
        crisis,
        organisationId,
        organisationName,
        verifiedAt,
        nextSession,
        sessions,
        null,
        false,
        null,
        null,
        List.of(),
        List.of(),
        Extras.NONE);
  }

  /** The same listing under another id, for tests and generated corpora. */
  public IndexedListing withId(String newId) {
    return new IndexedListing(
        newId,
        version,
        searchable,
        kind,
        name,
        summary,
        description,
        categories,
        needs,
        points,
        delivery,
        languages,
        accessibility,
        costType,
        minimumAge,
        maximumAge,
        womenOnly,
        menOnly,
        crisis,
        organisationId,
        organisationName,
        verifiedAt,
        nextSession,
        sessions,
        directNeeds,
        open247,
        validFrom,
        validTo,
        closures,
        datedSessions,
        extras);
  }

  /** The same listing with other extras. */
  public IndexedListing withExtras(Extras newExtras) {
    return new IndexedListing(
        id,
        version,
        searchable,
        kind,
        name,
        summary,
        description,
        categories,
        needs,
        points,
        delivery,
        languages,
        accessibility,
        costType,
        minimumAge,
        maximumAge,
        womenOnly,
        menOnly,
        crisis,
        organisationId,
        organisationName,
        verifiedAt,
        nextSession,
        sessions,
        directNeeds,
        open247,
        validFrom,
        validTo,
        closures,
        datedSessions,
        newExtras);
  }

  /**
   * Searchable text beyond the name and description, and the embedding.
   *
   * @param alternateName another name the listing is known by, or null
   * @param keywords free search terms, such as a source directory's taxonomy labels
   * @param whoFor who the listing is for, in the provider's words, or null
   * @param places location names and addresses, so a place typed in the text can match
   * @param vector the listing's embedding as signed bytes, or null when it has none
   */
  public record Extras(
      String alternateName,
      List<String> keywords,
      String whoFor,
      List<String> places,
      byte[] vector) {
    public static final Extras NONE = new Extras(null, List.of(), null, List.of(), null);

    public Extras {
      keywords = copy(keywords);
      places = copy(places);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Extras e
          && Objects.equals(alternateName, e.alternateName)
          && keywords.equals(e.keywords)
          && Objects.equals(whoFor, e.whoFor)
          && places.equals(e.places)
          && java.util.Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          alternateName, keywords, whoFor, places, java.util.Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
      return "Extras[" + keywords.size() + " keywords, vector=" + (vector != null) + "]";
    }
  }

  private static <T> List<T> copy(List<T> values) {
    return List.copyOf(values == null ? List.of() : values);
  }

  /** A weekly session: ISO day of week (1 = Monday) and minutes since midnight. */
  public record WeeklySlot(int dayOfWeek, int startMinute, int endMinute) {
    public WeeklySlot {
      if (dayOfWeek < 1 || dayOfWeek > 7) {
        throw new IllegalArgumentException("dayOfWeek out of range: " + dayOfWeek);
      }
      if (startMinute < 0 || endMinute > 1440 || endMinute < startMinute) {
        throw new IllegalArgumentException("session times out of range: " + startMinute);
      }
    }
  }

  /** A session on one date, minutes since midnight local time. */
  public record DatedSlot(LocalDate date, int startMinute, int endMinute) {
    public DatedSlot {
      Objects.requireNonNull(date, "date");
      if (startMinute < 0 || endMinute > 1440 || endMinute < startMinute) {
        throw new IllegalArgumentException("session times out of range: " + startMinute);
      }
    }
  }

  /** Inclusive dates. */
  public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
