package org.signpost.core.listing;

import java.util.List;

/**
 * Everything a provider edits about a listing: an HSDS 3.0 service with its locations, schedules
 * and cost, plus the Signpost profile extras. Values are validated by {@link ListingValidator}; the
 * constructor only normalises absent collections to empty ones.
 *
 * @param keywords free search terms, such as the source directory's taxonomy labels that have no
 *     Signpost category; searchable and exported, never shown as categories
 * @param alternateName another name the service is known by, or null
 */
public record ListingContent(
    String kind,
    boolean crisis,
    boolean open247,
    String name,
    String summary,
    String description,
    List<String> categories,
    List<String> needs,
    List<String> delivery,
    List<Location> locations,
    Schedule schedule,
    Cost cost,
    List<String> languages,
    Eligibility eligibility,
    List<String> accessibility,
    String capacity,
    List<String> referralRoutes,
    Contact contact,
    String alert,
    List<String> keywords,
    String alternateName) {

  public ListingContent {
    kind = kind == null ? "activity" : kind;
    categories = copy(categories);
    needs = copy(needs);
    delivery = delivery == null || delivery.isEmpty() ? List.of("in_person") : copy(delivery);
    locations = copy(locations);
    schedule = schedule == null ? Schedule.NONE : schedule;
    cost = cost == null ? new Cost("free", null) : cost;
    languages = languages == null || languages.isEmpty() ? List.of("en") : copy(languages);
    eligibility = eligibility == null ? Eligibility.EVERYONE : eligibility;
    accessibility = copy(accessibility);
    capacity = capacity == null ? "accepting" : capacity;
    referralRoutes =
        referralRoutes == null || referralRoutes.isEmpty()
            ? List.of("self", "prescriber")
            : copy(referralRoutes);
    contact = contact == null ? Contact.NONE : contact;
    keywords = copy(keywords);
  }

  /** Content without keywords or an alternate name. */
  public ListingContent(
      String kind,
      boolean crisis,
      boolean open247,
      String name,
      String summary,
      String description,
      List<String> categories,
      List<String> needs,
      List<String> delivery,
      List<Location> locations,
      Schedule schedule,
      Cost cost,
      List<String> languages,
      Eligibility eligibility,
      List<String> accessibility,
      String capacity,
      List<String> referralRoutes,
      Contact contact,
      String alert) {
    this(
        kind,
        crisis,
        open247,
        name,
        summary,
        description,
        categories,
        needs,
        delivery,
        locations,
        schedule,
        cost,
        languages,
        eligibility,
        accessibility,
        capacity,
        referralRoutes,
        contact,
        alert,
        List.of(),
        null);
  }

  /** The same content with other search keywords and alternate name. */
  public ListingContent withKeywords(List<String> newKeywords, String newAlternateName) {
    return new ListingContent(
        kind,
        crisis,
        open247,
        name,
        summary,
        description,
        categories,
        needs,
        delivery,
        locations,
        schedule,
        cost,
        languages,
        eligibility,
        accessibility,
        capacity,
        referralRoutes,
        contact,
        alert,
        newKeywords,
        newAlternateName);
  }

  static <T> List<T> copy(List<T> values) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException("lists may not hold null entries");
      }
    }
    return List.copyOf(values);
  }

  /** An HSDS location with its address. */
  public record Location(String name, String address, String postcode, Double lat, Double lon) {}

  /** An HSDS cost option: a type from the vocabulary and free text. */
  public record Cost(String type, String description) {}

  /** Who a listing is for. Ages are inclusive; null means no limit. */
  public record Eligibility(
      Integer minimumAge, Integer maximumAge, boolean womenOnly, boolean menOnly, String whoFor) {
    public static final Eligibility EVERYONE = new Eligibility(null, null, false, false, null);
  }

  /** Public contact routes for the listing, never a person's private details. */
  public record Contact(String phone, String email, String url) {
    public static final Contact NONE = new Contact(null, null, null);
  }

  /** When a listing runs: weekly sessions, dated sessions, a validity window and closures. */
  public record Schedule(
      List<WeeklySession> weekly,
      List<OneOffSession> oneOff,
      String validFrom,
      String validTo,
      List<Closure> closures) {
    public static final Schedule NONE = new Schedule(List.of(), List.of(), null, null, List.of());

    public Schedule {
      weekly = copy(weekly);
      oneOff = copy(oneOff);
      closures = copy(closures);
    }
  }

  /**
   * A repeating session. {@code frequency} is weekly, fortnightly (counted from {@code anchorDate})
   * or monthly (the {@code weekOfMonth}th given day, -1 for the last).
   */
  public record WeeklySession(
      String day,
      String start,
      String end,
      String frequency,
      Integer weekOfMonth,
      String anchorDate) {}

  /** A session on one date. */
  public record OneOffSession(String date, String start, String end) {}

  /** Dates (inclusive) when no sessions run, such as a term break. */
  public record Closure(String from, String to, String reason) {}
}
