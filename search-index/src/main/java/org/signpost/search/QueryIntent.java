package org.signpost.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a searcher's own words ask for, read by general rules: the words that carry the topic, the
 * generic service words that say little ("help", "support", "services"), the languages, audiences
 * and cost they name. Recognised intents only ever boost results; hard filters stay with the
 * explicit parameters. Immutable.
 *
 * @param generic the generic service words present, scored with a small weight
 * @param languages ISO 639-1 codes named ("Polish speaking", "in Urdu")
 * @param audiences audiences named ("older people", "for mums", "veterans")
 * @param free whether the searcher asked for something free
 */
record QueryIntent(String generic, Set<String> languages, Set<String> audiences, boolean free) {

  /**
   * Words of conversation rather than topic: pronouns, auxiliaries and fillers a long sentence is
   * full of. Dropped from the keyword leg only; the semantic leg reads the whole sentence.
   */
  static final Set<String> FILLER =
      Set.copyOf(
          java.util.Arrays.asList(
              "i",
              "im",
              "i'm",
              "ive",
              "i've",
              "id",
              "i'd",
              "me",
              "my",
              "myself",
              "we",
              "us",
              "our",
              "you",
              "your",
              "he",
              "him",
              "his",
              "she",
              "her",
              "hers",
              "they",
              "them",
              "their",
              "it",
              "its",
              "it's",
              "this",
              "that",
              "these",
              "those",
              "am",
              "is",
              "are",
              "was",
              "were",
              "been",
              "being",
              "be",
              "has",
              "have",
              "had",
              "having",
              "do",
              "does",
              "did",
              "doing",
              "can",
              "could",
              "would",
              "should",
              "will",
              "shall",
              "may",
              "might",
              "must",
              "just",
              "really",
              "very",
              "so",
              "too",
              "quite",
              "some",
              "any",
              "anything",
              "something",
              "somewhere",
              "anywhere",
              "got",
              "get",
              "getting",
              "gets",
              "because",
              "since",
              "about",
              "what",
              "where",
              "when",
              "how",
              "who",
              "which",
              "why",
              "want",
              "wants",
              "wanted",
              "like",
              "know",
              "think",
              "please",
              "thanks",
              "there",
              "here",
              "all",
              "also",
              "still",
              "lot",
              "lots",
              "much",
              "many",
              "more",
              "most",
              "bit",
              "little",
              "than",
              "then",
              "again",
              "ever",
              "never",
              "always",
              "now",
              "recently",
              "lately",
              "last",
              "since",
              "after",
              "before",
              "while",
              "don't",
              "dont",
              "cant",
              "can't",
              "won't",
              "wont",
              "isn't",
              "doesn't",
              "didn't",
              "not",
              "no",
              "nor",
              "if",
              "or",
              "and",
              "but",
              "of",
              "to",
              "in",
              "on",
              "at",
              "by",
              "for",
              "with",
              "from",
              "into",
              "a",
              "an",
              "the",
              "trying",
              "try",
              "tried",
              "going",
              "go",
              "goes",
              "went",
              "come",
              "came",
              "make",
              "made",
              "let",
              "lets",
              "one",
              "ones",
              "anyone",
              "everyone",
              "everything",
              "thing",
              "things",
              "kind",
              "sort",
              "type",
              "able",
              "unable",
              "well"));

  /** Words so common in directory text that they tell one listing from another poorly. */
  static final Set<String> GENERIC =
      Set.copyOf(
          java.util.Arrays.asList(
              "help",
              "helps",
              "helping",
              "support",
              "supports",
              "supporting",
              "service",
              "services",
              "group",
              "groups",
              "someone",
              "somebody",
              "people",
              "person",
              "need",
              "needs",
              "needed",
              "needing",
              "looking",
              "look",
              "find",
              "finding",
              "local",
              "area",
              "near",
              "nearby",
              "around",
              "place",
              "places",
              "information",
              "info",
              "organisation",
              "organization",
              "organisations",
              "organizations",
              "resource",
              "resources",
              "provide",
              "provides",
              "provider",
              "providers",
              "available",
              "offer",
              "offers",
              "assistance",
              "assist",
              "program",
              "programme",
              "programs",
              "programmes",
              "centre",
              "center",
              "community"));

  private static final Pattern FREE =
      Pattern.compile(
          "\\b(?:free|no cost|free of charge|without paying|no charge|costs? nothing)\\b");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'+&-]+");

  QueryIntent {
    languages = Set.copyOf(languages);
    audiences = Set.copyOf(audiences);
  }

  /** Reads the searcher's text; blank text reads as no intent at all. */
  static QueryIntent of(String text) {
    if (text == null || text.isBlank()) {
      return new QueryIntent("", Set.of(), Set.of(), false);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> generic = new ArrayList<>();
    var words = WORD.matcher(lower.replace('’', '\''));
    int seen = 0;
    while (words.find() && seen++ < KeywordQueries.MAX_TERMS * 2) {
      String word = words.group();
      String bare = word.replace("'", "");
      if (FILLER.contains(word) || FILLER.contains(bare)) {
        continue;
      }
      if (GENERIC.contains(bare)) {
        generic.add(word);
      }
    }
    return new QueryIntent(
        String.join(" ", generic),
        LanguageNames.requested(lower),
        Audiences.in(lower),
        FREE.matcher(lower).find());
  }
}
