package org.signpost.search;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a search, all optional. Lists mean "any of" except accessibility, where every
 * listed feature must hold.
 *
 * @param free true for free listings only, false for listings that charge
 * @param age the person's age; listings whose age limits exclude it are left out
 * @param day ISO day of week (1 = Monday) that a session must fall on
 * @param timeFrom with {@code day}: sessions must overlap this window (minutes since midnight)
 * @param openAt local time (Europe/London) at which a listing must be running a session
 * @param crisisOnly crisis services only, for pinning crisis help above results
 */
public record SearchFilters(
    List<String> needs,
    List<String> categories,
    Boolean free,
    List<String> costs,
    List<String> languages,
    List<String> accessibility,
    Integer age,
    boolean womenOnly,
    boolean menOnly,
    List<String> delivery,
    List<String> kinds,
    Integer day,
    Integer timeFrom,
    Integer timeTo,
    LocalDateTime openAt,
    boolean crisisOnly) {

  public static final SearchFilters NONE =
      new SearchFilters(
          List.of(), List.of(), null, List.of(), List.of(), List.of(), null, false, false,
          List.of(), List.of(), null, null, null, null, false);

  public SearchFilters {
    needs = copy(needs);
    categories = copy(categories);
    costs = copy(costs);
    languages = copy(languages);
    accessibility = copy(accessibility);
    delivery = copy(delivery);
    kinds = copy(kinds);
    if (day != null && (day < 1 || day > 7)) {
      throw new IllegalArgumentException("day out of range: " + day);
    }
  }

  private static List<String> copy(List<String> values) {
    return List.copyOf(values == null ? List.of() : values);
  }

  public SearchFilters withCategories(List<String> newCategories) {
    return new SearchFilters(
        needs,
        newCategories,
        free,
        costs,
        languages,
        accessibility,
        age,
        womenOnly,
        menOnly,
        delivery,
        kinds,
        day,
        timeFrom,
        timeTo,
        openAt,
        crisisOnly);
  }

  public SearchFilters withDelivery(List<String> newDelivery) {
    return new SearchFilters(
        needs,
        categories,
        free,
        costs,
        languages,
        accessibility,
        age,
        womenOnly,
        menOnly,
        newDelivery,
        kinds,
        day,
        timeFrom,
        timeTo,
        openAt,
        crisisOnly);
  }

  public SearchFilters crisisServicesOnly() {
    return new SearchFilters(
        List.of(), List.of(), null, List.of(), List.of(), List.of(), null, false, false, List.of(),
        List.of(), null, null, null, null, true);
  }

  /**
   * Each filter that is set, by its parameter name, with this filter set minus that one filter; the
   * zero-result recovery uses it to find the most restrictive filter.
   */
  public Map<String, SearchFilters> withoutEach() {
    Map<String, SearchFilters> out = new LinkedHashMap<>();
    List<String> none = new ArrayList<>();
    if (!needs.isEmpty()) {
      out.put(
          "need",
          new SearchFilters(
              none,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (!categories.isEmpty()) {
      out.put("category", withCategories(none));
    }
    if (free != null) {
      out.put(
          "free",
          new SearchFilters(
              needs,
              categories,
              null,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (!costs.isEmpty()) {
      out.put(
          "cost",
          new SearchFilters(
              needs,
              categories,
              free,
              none,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (!languages.isEmpty()) {
      out.put(
          "language",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              none,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (!accessibility.isEmpty()) {
      out.put(
          "accessibility",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              none,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (age != null) {
      out.put(
          "age",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              null,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (womenOnly) {
      out.put(
          "women_only",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              false,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (menOnly) {
      out.put(
          "men_only",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              false,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (!delivery.isEmpty()) {
      out.put("delivery", withDelivery(none));
    }
    if (!kinds.isEmpty()) {
      out.put(
          "kind",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              none,
              day,
              timeFrom,
              timeTo,
              openAt,
              crisisOnly));
    }
    if (day != null) {
      out.put(
          "day",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              null,
              null,
              null,
              openAt,
              crisisOnly));
    }
    if (openAt != null) {
      out.put(
          "open_now",
          new SearchFilters(
              needs,
              categories,
              free,
              costs,
              languages,
              accessibility,
              age,
              womenOnly,
              menOnly,
              delivery,
              kinds,
              day,
              timeFrom,
              timeTo,
              null,
              crisisOnly));
    }
    return out;
  }
}
