package org.signpost.handlers.hsds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the taxonomy terms of other directories (Open Eligibility style names such as "Emergency
 * Shelter" or "Support Groups") to Signpost categories by the words in their names. Only confident
 * matches map; the importer reports every term left unmapped. Stateless.
 */
final class TaxonomyCodes {
  private record Rule(String category, List<String> words) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("housing_advice", List.of("housing", "shelter", "rent")),
          new Rule("money_advice", List.of("money", "financial", "tax", "benefit", "debt")),
          new Rule("employment_support", List.of("employment", "job", "work")),
          new Rule("english_language", List.of("english", "esl")),
          new Rule("digital_skills", List.of("computer", "digital", "internet")),
          new Rule("learning_skills", List.of("education", "literacy", "tutor", "class")),
          new Rule("mental_health_support", List.of("mental health", "counseling", "counselling")),
          new Rule("peer_support", List.of("support group", "peer")),
          new Rule("carers_support", List.of("caregiver", "carer", "respite")),
          new Rule("bereavement_support", List.of("bereavement", "grief")),
          new Rule("older_people", List.of("senior", "older adult", "aging", "elder")),
          new Rule("parents_families", List.of("parent", "family", "child care")),
          new Rule("sport_exercise", List.of("exercise", "fitness", "recreation", "sport")),
          new Rule("volunteering", List.of("volunteer")),
          new Rule("crisis_support", List.of("crisis", "hotline", "suicide")),
          new Rule("health_condition_support", List.of("health", "medical", "disease")),
          new Rule("library_reading", List.of("library", "reading")),
          new Rule("faith_community", List.of("faith", "religious", "spiritual")),
          new Rule("cooking_food", List.of("cooking", "nutrition education")));

  private TaxonomyCodes() {}

  /** The Signpost category for a term name, if one clearly fits. */
  static Optional<String> category(String termName) {
    String name = " " + termName.toLowerCase(Locale.ROOT) + " ";
    for (Rule rule : RULES) {
      for (String word : rule.words()) {
        if (name.matches(".*\\b" + java.util.regex.Pattern.quote(word) + ".*")) {
          return Optional.of(rule.category());
        }
      }
    }
    return Optional.empty();
  }
}
