package org.signpost.core.listing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The managed vocabularies of the listing model, and how categories serve needs. */
public final class Vocabulary {
  public static final Set<String> KINDS = Set.of("activity", "signpost");
  public static final Set<String> DELIVERY = Set.of("in_person", "online", "phone");
  public static final Set<String> COST_TYPES =
      Set.of("free", "small_charge", "pay_what_you_can", "paid");
  public static final Set<String> ACCESSIBILITY =
      Set.of("step_free", "accessible_toilet", "hearing_loop", "bsl", "quiet", "carer_free");
  public static final Set<String> CAPACITY = Set.of("accepting", "waiting_list", "full");
  public static final Set<String> REFERRAL_ROUTES = Set.of("self", "prescriber", "contact_first");
  public static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  public static final Set<String> FREQUENCIES = Set.of("weekly", "fortnightly", "monthly");

  public static final List<String> NEEDS =
      List.of(
          "loneliness",
          "low_mood_anxiety",
          "physical_activity",
          "long_term_condition",
          "weight",
          "carers",
          "bereavement",
          "money_debt",
          "housing",
          "employment_skills",
          "learning_english",
          "digital_skills",
          "new_to_uk",
          "confidence_wellbeing",
          "mental_health_crisis");

  /** Each category and the needs it serves, so a need finds listings through their categories. */
  public static final Map<String, List<String>> CATEGORY_NEEDS =
      Map.ofEntries(
          Map.entry("social_groups", List.of("loneliness", "confidence_wellbeing")),
          Map.entry("befriending", List.of("loneliness")),
          Map.entry("english_language", List.of("learning_english", "new_to_uk")),
          Map.entry("walking", List.of("physical_activity", "loneliness")),
          Map.entry("sport_exercise", List.of("physical_activity", "weight")),
          Map.entry("gardening_nature", List.of("low_mood_anxiety", "physical_activity")),
          Map.entry("arts_crafts", List.of("low_mood_anxiety", "loneliness")),
          Map.entry("music_singing", List.of("low_mood_anxiety", "loneliness")),
          Map.entry("cooking_food", List.of("weight", "loneliness")),
          Map.entry("digital_skills", List.of("digital_skills")),
          Map.entry("learning_skills", List.of("employment_skills", "confidence_wellbeing")),
          Map.entry("employment_support", List.of("employment_skills")),
          Map.entry("peer_support", List.of("low_mood_anxiety", "long_term_condition")),
          Map.entry("mental_health_support", List.of("low_mood_anxiety")),
          Map.entry("crisis_support", List.of("mental_health_crisis")),
          Map.entry("money_advice", List.of("money_debt")),
          Map.entry("housing_advice", List.of("housing")),
          Map.entry("carers_support", List.of("carers")),
          Map.entry("bereavement_support", List.of("bereavement")),
          Map.entry("health_condition_support", List.of("long_term_condition")),
          Map.entry("weight_management", List.of("weight", "physical_activity")),
          Map.entry("volunteering", List.of("confidence_wellbeing", "employment_skills")),
          Map.entry("library_reading", List.of("loneliness", "digital_skills")),
          Map.entry("faith_community", List.of("loneliness")),
          Map.entry("parents_families", List.of("loneliness")),
          Map.entry("older_people", List.of("loneliness")));

  public static final Set<String> CATEGORIES = CATEGORY_NEEDS.keySet();

  private Vocabulary() {}
}
