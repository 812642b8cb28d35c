package org.signpost.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language names in English, both ways: the ISO 639-1 code of a name a person types ("Polish",
 * "Farsi", "Punjabi") and the names of a listing's language codes, so "Spanish speaking" finds a
 * listing that lists {@code es}. English is left out: nearly every listing is in English, so it
 * would only add noise. Immutable and thread-safe.
 */
final class LanguageNames {
  private static final Map<String, String> CODES = new HashMap<>();

  /** Names that are also everyday English words; only recognised in a language phrase. */
  private static final Set<String> AMBIGUOUS =
      Set.copyOf(
          java.util.Arrays.asList(
              "polish", "english", "french", "dutch", "ewe", "ido", "tonga", "pali", "lao", "twi"));

  private static final Pattern PHRASE =
      Pattern.compile(
          "\\b(?:(?:in|speaks?|speaking|speakers? of)\\s+(\\p{L}+)"
              + "|(\\p{L}+)[ -](?:speaking|speakers?|language|interpret\\w*|translat\\w*))\\b");

  static {
    for (String code : Locale.getISOLanguages()) {
      String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (code.length() == 2 && !name.isBlank() && !name.equals(code)) {
        CODES.putIfAbsent(name, code);
      }
    }
    Map.of(
            "farsi", "fa",
            "mandarin", "zh",
            "cantonese", "zh",
            "panjabi", "pa",
            "sylheti", "bn",
            "mirpuri", "ur",
            "filipino", "tl",
            "sorani", "ku",
            "kurmanji", "ku",
            "haitian", "ht")
        .forEach(CODES::put);
  }

  private LanguageNames() {}

  /** The English name of a code, or empty for English and unknown codes. */
  static Optional<String> name(String code) {
    if (code == null || code.equals("en") || code.length() != 2) {
      return Optional.empty();
    }
    String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
    return name.isBlank() || name.equals(code) ? Optional.empty() : Optional.of(name);
  }

  /** The code for a name, if it is a language name. */
  static Optional<String> code(String name) {
    return Optional.ofNullable(CODES.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The languages a searcher asks for: named in a phrase ("Polish speaking", "in Urdu", "Somali
   * interpreter"), or named alone when the name is not also an everyday word. Never English.
   */
  static Set<String> requested(String text) {
    Set<String> codes = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return codes;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher m = PHRASE.matcher(lower);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1) : m.group(2);
      code(word).filter(c -> !c.equals("en")).ifPresent(codes::add);
    }
    for (String word : lower.split("[^\\p{L}]+")) {
      if (!AMBIGUOUS.contains(word)) {
        code(word).filter(c -> !c.equals("en")).ifPresent(codes::add);
      }
    }
    return codes;
  }

  /** The names of the given codes, for indexing. */
  static List<String> names(List<String> codes) {
    return codes.stream().map(LanguageNames::name).flatMap(Optional::stream).distinct().toList();
  }
}
