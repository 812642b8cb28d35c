package org.signpost.search;

import java.time.LocalDateTime;
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
    return edit(f -> f.categories = newCategories);
  }

  public SearchFilters withFree(Boolean newFree) {
    return edit(f -> f.free = newFree);
  }

  public SearchFilters withDelivery(List<String> newDelivery) {
    return edit(f -> f.delivery = newDelivery);
  }

  public SearchFilters crisisServicesOnly() {
    return NONE.edit(f -> f.crisisOnly = true);
  }

  /**
   * Each filter that is set, by its parameter name, with this filter set minus that one filter; the
   * zero-result recovery uses it to find the most restrictive filter.
   */
  public Map<String, SearchFilters> withoutEach() {
    Map<String, SearchFilters> out = new LinkedHashMap<>();
    if (!needs.isEmpty()) {
      out.put("need", edit(f -> f.needs = List.of()));
    }
    if (!categories.isEmpty()) {
      out.put("category", withCategories(List.of()));
    }
    if (free != null) {
      out.put("free", edit(f -> f.free = null));
    }
    if (!costs.isEmpty()) {
      out.put("cost", edit(f -> f.costs = List.of()));
    }
    if (!languages.isEmpty()) {
      out.put("language", edit(f -> f.languages = List.of()));
    }
    if (!accessibility.isEmpty()) {
      out.put("accessibility", edit(f -> f.accessibility = List.of()));
    }
    if (age != null) {
      out.put("age", edit(f -> f.age = null));
    }
    if (womenOnly) {
      out.put("women_only", edit(f -> f.womenOnly = false));
    }
    if (menOnly) {
      out.put("men_only", edit(f -> f.menOnly = false));
    }
    if (!delivery.isEmpty()) {
      out.put("delivery", withDelivery(List.of()));
    }
    if (!kinds.isEmpty()) {
      out.put("kind", edit(f -> f.kinds = List.of()));
    }
    if (day != null) {
      out.put(
          "day",
          edit(
              f -> {
                f.day = null;
                f.timeFrom = null;
                f.timeTo = null;
              }));
    }
    if (openAt != null) {
      out.put("open_now", edit(f -> f.openAt = null));
    }
    return out;
  }

  /** A copy with some values changed: one place that lists every component. */
  private SearchFilters edit(java.util.function.Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** Mutable working copy for {@link #edit}; never shared, so not thread-safe. */
  private static final class Draft {
    List<String> needs;
    List<String> categories;
    Boolean free;
    List<String> costs;
    List<String> languages;
    List<String> accessibility;
    Integer age;
    boolean womenOnly;
    boolean menOnly;
    List<String> delivery;
    List<String> kinds;
    Integer day;
    Integer timeFrom;
    Integer timeTo;
    LocalDateTime openAt;
    boolean crisisOnly;

    Draft(SearchFilters f) {
      needs = f.needs;
      categories = f.categories;
      free = f.free;
      costs = f.costs;
      languages = f.languages;
      accessibility = f.accessibility;
      age = f.age;
      womenOnly = f.womenOnly;
      menOnly = f.menOnly;
      delivery = f.delivery;
      kinds = f.kinds;
      day = f.day;
      timeFrom = f.timeFrom;
      timeTo = f.timeTo;
      openAt = f.openAt;
      crisisOnly = f.crisisOnly;
    }

    SearchFilters build() {
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
          delivery,
          kinds,
          day,
          timeFrom,
          timeTo,
          openAt,
          crisisOnly);
    }
  }
}
