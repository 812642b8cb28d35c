package org.signpost.handlers.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingValidator;
import org.signpost.core.listing.Vocabulary;
import org.signpost.handlers.web.FormData;

/**
 * The provider portal's listing form: turns posted fields into listing content (core validates the
 * values) and content back into the values a form shows. Stateless.
 */
final class ListingForm {
  /** Blank session rows offered on the form, beyond those already saved. */
  static final int SPARE_SESSIONS = 2;

  static final List<String> ACCESSIBILITY_LABELS =
      List.of("step_free", "accessible_toilet", "hearing_loop", "bsl", "quiet", "carer_free");

  private ListingForm() {}

  /** Posted content plus the answers that could not even be read (such as a non-number). */
  record Parsed(ListingContent content, List<FieldError> errors) {}

  /**
   * Reads the form, then checks it with core's validator, so every bad answer is named at once.
   *
   * @throws SignpostException.Invalid naming every bad field, with the content to redraw
   */
  static ListingContent readValid(FormData form) {
    Parsed parsed = read(form);
    List<FieldError> errors = new ArrayList<>(parsed.errors());
    try {
      new ListingValidator().validate(parsed.content());
    } catch (SignpostException.Invalid invalid) {
      errors.addAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      throw new Rejected(parsed.content(), errors);
    }
    return parsed.content();
  }

  /** A form that failed checks, with what to show again. */
  static final class Rejected extends RuntimeException {
    final transient ListingContent content;
    final transient List<FieldError> errors;

    Rejected(ListingContent content, List<FieldError> errors) {
      super("the listing form has " + errors.size() + " problem(s)", null, false, false);
      this.content = content;
      this.errors = List.copyOf(errors);
    }
  }

  /** Reads the form; numbers that do not parse become field errors, not exceptions. */
  static Parsed read(FormData form) {
    List<FieldError> errors = new ArrayList<>();
    List<ListingContent.Location> locations = new ArrayList<>();
    if (form.has("location_address") || form.has("location_lat") || form.has("location_lon")) {
      locations.add(
          new ListingContent.Location(
              blankToNull(form.value("location_name")),
              blankToNull(form.value("location_address")),
              blankToNull(form.value("location_postcode")),
              number(form, "location_lat", "locations[0].lat", errors),
              number(form, "location_lon", "locations[0].lon", errors)));
    }
    List<ListingContent.WeeklySession> weekly = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String day = form.value("session_day_" + i);
      if (day.isEmpty()) {
        if (!form.fields().containsKey("session_day_" + i)) {
          break;
        }
        continue;
      }
      String frequency = form.value("session_frequency_" + i);
      weekly.add(
          new ListingContent.WeeklySession(
              day,
              form.value("session_start_" + i),
              form.value("session_end_" + i),
              frequency.isEmpty() ? "weekly" : frequency,
              "monthly".equals(frequency)
                  ? integer(
                      form,
                      "session_week_" + i,
                      "schedule.weekly[" + weekly.size() + "].week_of_month",
                      errors)
                  : null,
              "fortnightly".equals(frequency)
                  ? blankToNull(form.value("session_anchor_" + i))
                  : null));
    }
    List<ListingContent.Closure> closures = new ArrayList<>();
    if (form.has("closure_from") || form.has("closure_to")) {
      closures.add(
          new ListingContent.Closure(
              blankToNull(form.value("closure_from")),
              blankToNull(form.value("closure_to")),
              blankToNull(form.value("closure_reason"))));
    }
    ListingContent content =
        new ListingContent(
            form.value("kind").isEmpty() ? "activity" : form.value("kind"),
            form.has("crisis"),
            form.has("open_24_7"),
            form.value("name"),
            blankToNull(form.value("summary")),
            blankToNull(form.value("description")),
            form.values("categories"),
            form.values("needs"),
            form.values("delivery"),
            locations,
            new ListingContent.Schedule(
                weekly,
                List.of(),
                blankToNull(form.value("valid_from")),
                blankToNull(form.value("valid_to")),
                closures),
            new ListingContent.Cost(
                form.value("cost_type").isEmpty() ? "free" : form.value("cost_type"),
                blankToNull(form.value("cost_description"))),
            Arrays.stream(form.value("languages").split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .map(String::toLowerCase)
                .toList(),
            new ListingContent.Eligibility(
                integer(form, "minimum_age", "eligibility.minimum_age", errors),
                integer(form, "maximum_age", "eligibility.maximum_age", errors),
                form.has("women_only"),
                form.has("men_only"),
                blankToNull(form.value("who_for"))),
            form.values("accessibility"),
            form.value("capacity").isEmpty() ? "accepting" : form.value("capacity"),
            form.values("referral_routes"),
            new ListingContent.Contact(
                blankToNull(form.value("contact_phone")),
                blankToNull(form.value("contact_email")),
                blankToNull(form.value("contact_url"))),
            blankToNull(form.value("alert")));
    return new Parsed(content, errors);
  }

  /** Values for the form template: text fields, ticked boxes and session rows. */
  static Map<String, Object> values(ListingContent c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", c.name());
    v.put("summary", c.summary());
    v.put("description", c.description());
    v.put("kinds", options(List.of("activity", "signpost"), List.of(c.kind())));
    v.put("crisis", c.crisis());
    v.put("open_24_7", c.open247());
    v.put("categories", options(Vocabulary.CATEGORIES.stream().sorted().toList(), c.categories()));
    v.put("needs", options(Vocabulary.NEEDS, c.needs()));
    v.put("delivery", options(List.of("in_person", "online", "phone"), c.delivery()));
    ListingContent.Location location =
        c.locations().isEmpty()
            ? new ListingContent.Location(null, null, null, null, null)
            : c.locations().get(0);
    v.put("location_name", location.name());
    v.put("location_address", location.address());
    v.put("location_postcode", location.postcode());
    v.put("location_lat", location.lat());
    v.put("location_lon", location.lon());
    List<Map<String, Object>> sessions = new ArrayList<>();
    List<ListingContent.WeeklySession> saved = c.schedule().weekly();
    for (int i = 0; i < saved.size() + SPARE_SESSIONS; i++) {
      ListingContent.WeeklySession s =
          i < saved.size()
              ? saved.get(i)
              : new ListingContent.WeeklySession("", "", "", "weekly", null, null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("i", i);
      row.put("number", i + 1);
      row.put(
          "days",
          options(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), List.of(s.day())));
      row.put("start", s.start());
      row.put("end", s.end());
      row.put(
          "frequencies",
          options(
              List.of("weekly", "fortnightly", "monthly"),
              List.of(s.frequency() == null ? "weekly" : s.frequency())));
      row.put("week", s.weekOfMonth());
      row.put("anchor", s.anchorDate());
      sessions.add(row);
    }
    v.put("sessions", sessions);
    v.put("valid_from", c.schedule().validFrom());
    v.put("valid_to", c.schedule().validTo());
    ListingContent.Closure closure =
        c.schedule().closures().isEmpty() ? null : c.schedule().closures().get(0);
    v.put("closure_from", closure == null ? null : closure.from());
    v.put("closure_to", closure == null ? null : closure.to());
    v.put("closure_reason", closure == null ? null : closure.reason());
    v.put(
        "costs",
        options(
            List.of("free", "small_charge", "pay_what_you_can", "paid"), List.of(c.cost().type())));
    v.put("cost_description", c.cost().description());
    v.put("languages_text", String.join(", ", c.languages()));
    v.put("minimum_age", c.eligibility().minimumAge());
    v.put("maximum_age", c.eligibility().maximumAge());
    v.put("women_only", c.eligibility().womenOnly());
    v.put("men_only", c.eligibility().menOnly());
    v.put("who_for", c.eligibility().whoFor());
    v.put("accessibility", options(ACCESSIBILITY_LABELS, c.accessibility()));
    v.put(
        "capacities", options(List.of("accepting", "waiting_list", "full"), List.of(c.capacity())));
    v.put(
        "referral_routes",
        options(List.of("self", "prescriber", "contact_first"), c.referralRoutes()));
    v.put("contact_phone", c.contact().phone());
    v.put("contact_email", c.contact().email());
    v.put("contact_url", c.contact().url());
    v.put("alert", c.alert());
    return v;
  }

  /** An empty form's content: one in-person activity with no answers yet. */
  static ListingContent blank() {
    return new ListingContent(
        "activity",
        false,
        false,
        "",
        null,
        null,
        List.of(),
        List.of(),
        List.of("in_person"),
        List.of(),
        null,
        null,
        List.of("en"),
        null,
        List.of(),
        "accepting",
        List.of("self", "prescriber"),
        null,
        null);
  }

  private static List<Map<String, Object>> options(List<String> all, List<String> chosen) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String value : all) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("value", value);
      option.put("label", value.replace('_', ' '));
      option.put("checked", chosen.contains(value));
      out.add(option);
    }
    return out;
  }

  private static Double number(FormData form, String name, String field, List<FieldError> errors) {
    String raw = form.value(name);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "must be a number"));
      return null;
    }
  }

  private static Integer integer(
      FormData form, String name, String field, List<FieldError> errors) {
    String raw = form.value(name);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "must be a whole number"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
