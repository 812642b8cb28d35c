package org.signpost.core.listing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;

/** Checks a listing's content and names every bad field at once. Stateless and thread-safe. */
public final class ListingValidator {
  static final int MAX_NAME = 120;
  static final int MAX_SUMMARY = 280;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_SHORT_TEXT = 500;
  static final int MAX_LOCATIONS = 20;
  static final int MAX_SESSIONS = 50;
  static final int MAX_KEYWORDS = 40;
  static final int MAX_KEYWORD = 100;
  static final int MAX_ALTERNATE_NAME = 250;

  private static final Pattern POSTCODE =
      Pattern.compile("^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{2,19}$");
  private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

  /** Throws {@link SignpostException.Invalid} naming every bad field, or returns normally. */
  public void validate(ListingContent content) {
    List<FieldError> errors = new ArrayList<>();
    Checks c = new Checks(errors);
    c.oneOf("kind", content.kind(), Vocabulary.KINDS);
    if (!"signpost".equals(content.kind()) && (content.crisis() || content.open247())) {
      c.fail("crisis", "only a signpost can be flagged crisis or open_24_7");
    }
    c.text("name", content.name(), 3, MAX_NAME, true);
    c.text("summary", content.summary(), 0, MAX_SUMMARY, false);
    c.text("description", content.description(), 0, MAX_DESCRIPTION, false);
    c.text("alert", content.alert(), 0, MAX_SHORT_TEXT, false);
    c.text("alternate_name", content.alternateName(), 0, MAX_ALTERNATE_NAME, false);
    if (content.keywords().size() > MAX_KEYWORDS) {
      c.fail("keywords", "at most " + MAX_KEYWORDS + " keywords");
    }
    for (int i = 0; i < content.keywords().size(); i++) {
      c.text("keywords[" + i + "]", content.keywords().get(i), 1, MAX_KEYWORD, true);
    }
    c.allOf("categories", content.categories(), Vocabulary.CATEGORIES, 10);
    c.allOf("needs", content.needs(), Set.copyOf(Vocabulary.NEEDS), 15);
    c.allOf("delivery", content.delivery(), Vocabulary.DELIVERY, 3);
    c.allOf("accessibility", content.accessibility(), Vocabulary.ACCESSIBILITY, 6);
    c.allOf("referral_routes", content.referralRoutes(), Vocabulary.REFERRAL_ROUTES, 3);
    c.oneOf("capacity", content.capacity(), Vocabulary.CAPACITY);
    c.oneOf("cost.type", content.cost().type(), Vocabulary.COST_TYPES);
    c.text("cost.description", content.cost().description(), 0, MAX_SHORT_TEXT, false);
    if (content.languages().size() > 20) {
      c.fail("languages", "at most 20 languages");
    }
    for (int i = 0; i < content.languages().size(); i++) {
      String language = content.languages().get(i);
      if (!LANGUAGE.matcher(language).matches() || !ISO_LANGUAGES.contains(language)) {
        c.fail("languages[" + i + "]", "not an ISO 639-1 code: '" + clip(language) + "'");
      }
    }
    locations(content, c);
    eligibility(content.eligibility(), c);
    contact(content.contact(), c);
    schedule(content.schedule(), c);
    if (!errors.isEmpty()) {
      throw new SignpostException.Invalid(
          errors.size() + " field(s) are invalid: " + errors.get(0).field() + " …", errors);
    }
  }

  private static void locations(ListingContent content, Checks c) {
    List<ListingContent.Location> locations = content.locations();
    if (locations.size() > MAX_LOCATIONS) {
      c.fail("locations", "at most " + MAX_LOCATIONS + " locations");
      return;
    }
    if (content.delivery().contains("in_person") && locations.isEmpty()) {
      c.fail("locations", "an in-person listing needs at least one location");
    }
    for (int i = 0; i < locations.size(); i++) {
      ListingContent.Location location = locations.get(i);
      String at = "locations[" + i + "]";
      c.text(at + ".name", location.name(), 0, MAX_NAME, false);
      c.text(at + ".address", location.address(), 3, MAX_SHORT_TEXT, true);
      if (location.postcode() != null
          && !POSTCODE.matcher(location.postcode().trim().toUpperCase(Locale.ROOT)).matches()) {
        c.fail(at + ".postcode", "not a UK postcode: '" + clip(location.postcode()) + "'");
      }
      if (location.lat() == null || !(location.lat() >= -90 && location.lat() <= 90)) {
        c.fail(at + ".lat", "latitude is required, between -90 and 90");
      }
      if (location.lon() == null || !(location.lon() >= -180 && location.lon() <= 180)) {
        c.fail(at + ".lon", "longitude is required, between -180 and 180");
      }
    }
  }

  private static void eligibility(ListingContent.Eligibility e, Checks c) {
    c.age("eligibility.minimum_age", e.minimumAge());
    c.age("eligibility.maximum_age", e.maximumAge());
    if (e.minimumAge() != null && e.maximumAge() != null && e.minimumAge() > e.maximumAge()) {
      c.fail("eligibility.maximum_age", "maximum_age must not be below minimum_age");
    }
    if (e.womenOnly() && e.menOnly()) {
      c.fail("eligibility.men_only", "a listing cannot be both women_only and men_only");
    }
    c.text("eligibility.who_for", e.whoFor(), 0, MAX_SHORT_TEXT, false);
  }

  private static void contact(ListingContent.Contact contact, Checks c) {
    if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
      c.fail("contact.phone", "not a phone number: '" + clip(contact.phone()) + "'");
    }
    if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
      c.fail("contact.email", "not an email address: '" + clip(contact.email()) + "'");
    }
    if (contact.url() != null
        && (contact.url().length() > 500
            || !(contact.url().startsWith("https://") || contact.url().startsWith("http://")))) {
      c.fail("contact.url", "must be an http(s) address of at most 500 characters");
    }
  }

  private static void schedule(ListingContent.Schedule schedule, Checks c) {
    if (schedule.weekly().size() + schedule.oneOff().size() > MAX_SESSIONS) {
      c.fail("schedule", "at most " + MAX_SESSIONS + " sessions");
      return;
    }
    for (int i = 0; i < schedule.weekly().size(); i++) {
      ListingContent.WeeklySession s = schedule.weekly().get(i);
      String at = "schedule.weekly[" + i + "]";
      c.oneOf(at + ".day", s.day(), Vocabulary.DAYS);
      c.times(at, s.start(), s.end());
      String frequency = s.frequency() == null ? "weekly" : s.frequency();
      c.oneOf(at + ".frequency", frequency, Vocabulary.FREQUENCIES);
      if ("monthly".equals(frequency)
          && (s.weekOfMonth() == null
              || !(s.weekOfMonth() == -1 || (s.weekOfMonth() >= 1 && s.weekOfMonth() <= 5)))) {
        c.fail(at + ".week_of_month", "monthly sessions need week_of_month 1-5 or -1 (last)");
      }
      if ("fortnightly".equals(frequency)) {
        c.date(at + ".anchor_date", s.anchorDate(), true);
      }
    }
    for (int i = 0; i < schedule.oneOff().size(); i++) {
      ListingContent.OneOffSession s = schedule.oneOff().get(i);
      String at = "schedule.one_off[" + i + "]";
      c.date(at + ".date", s.date(), true);
      c.times(at, s.start(), s.end());
    }
    LocalDate from = c.date("schedule.valid_from", schedule.validFrom(), false);
    LocalDate to = c.date("schedule.valid_to", schedule.validTo(), false);
    if (from != null && to != null && to.isBefore(from)) {
      c.fail("schedule.valid_to", "valid_to must not be before valid_from");
    }
    if (schedule.closures().size() > MAX_SESSIONS) {
      c.fail("schedule.closures", "at most " + MAX_SESSIONS + " closures");
    }
    for (int i = 0; i < schedule.closures().size(); i++) {
      ListingContent.Closure closure = schedule.closures().get(i);
      String at = "schedule.closures[" + i + "]";
      LocalDate cFrom = c.date(at + ".from", closure.from(), true);
      LocalDate cTo = c.date(at + ".to", closure.to(), true);
      if (cFrom != null && cTo != null && cTo.isBefore(cFrom)) {
        c.fail(at + ".to", "a closure must not end before it starts");
      }
      c.text(at + ".reason", closure.reason(), 0, MAX_NAME, false);
    }
  }

  static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  /** Collects errors; one instance per validation. */
  private record Checks(List<FieldError> errors) {
    void fail(String field, String message) {
      errors.add(new FieldError(field, message));
    }

    void text(String field, String value, int min, int max, boolean required) {
      if (value == null || value.isBlank()) {
        if (required) {
          fail(field, "is required");
        }
        return;
      }
      int length = value.strip().codePointCount(0, value.strip().length());
      if (length < min) {
        fail(field, "must be at least " + min + " characters");
      } else if (length > max) {
        fail(field, "must be at most " + max + " characters (got " + length + ")");
      }
      if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
        fail(field, "must not contain control characters");
      }
    }

    void oneOf(String field, String value, Set<String> allowed) {
      if (value == null || !allowed.contains(value)) {
        fail(
            field,
            "must be one of "
                + sorted(allowed)
                + (value == null ? "" : ", not '" + clip(value) + "'"));
      }
    }

    void allOf(String field, List<String> values, Set<String> allowed, int max) {
      if (values.size() > max) {
        fail(field, "at most " + max + " values");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < values.size(); i++) {
        if (!allowed.contains(values.get(i))) {
          fail(
              field + "[" + i + "]",
              "unknown value '" + clip(values.get(i)) + "'; allowed: " + sorted(allowed));
        } else if (!seen.add(values.get(i))) {
          fail(field + "[" + i + "]", "duplicate value '" + values.get(i) + "'");
        }
      }
    }

    void age(String field, Integer age) {
      if (age != null && (age < 0 || age > 120)) {
        fail(field, "must be between 0 and 120");
      }
    }

    LocalDate date(String field, String value, boolean required) {
      if (value == null) {
        if (required) {
          fail(field, "is required (YYYY-MM-DD)");
        }
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        fail(field, "not a date (YYYY-MM-DD): '" + clip(value) + "'");
        return null;
      }
    }

    void times(String at, String start, String end) {
      LocalTime s = time(at + ".start", start);
      LocalTime e = time(at + ".end", end);
      if (s != null && e != null && !e.isAfter(s)) {
        fail(at + ".end", "must be after start");
      }
    }

    LocalTime time(String field, String value) {
      if (value == null || !value.matches("^[0-2][0-9]:[0-5][0-9]$")) {
        fail(field, "must be a time HH:mm" + (value == null ? "" : ", not '" + clip(value) + "'"));
        return null;
      }
      try {
        return LocalTime.parse(value);
      } catch (DateTimeParseException e) {
        fail(field, "not a valid time: '" + value + "'");
        return null;
      }
    }

    private static List<String> sorted(Collection<String> values) {
      return values.stream().sorted().toList();
    }
  }
}
