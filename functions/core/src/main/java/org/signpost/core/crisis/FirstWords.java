package org.signpost.core.crisis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a rule can start with, read from the rule's own regex when it opens with a word or a
 * plain alternation such as {@code \b(?:want|wish to|selfharm\w*)}, so a rule is only tried where
 * such a word starts. Immutable.
 *
 * @param exact whole words that can open a match
 * @param prefixes word beginnings that can open a match ({@code selfharm} for {@code selfharm\w*})
 */
record FirstWords(Set<String> exact, List<String> prefixes) {

  FirstWords {
    exact = Set.copyOf(exact);
    prefixes = List.copyOf(prefixes);
  }

  /** Whether a word of the text can open a match. */
  boolean opens(String word) {
    if (exact.contains(word)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (word.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The openers, or null when the regex does not open with words this can read. */
  static FirstWords of(String regex) {
    if (!regex.startsWith("\\b")) {
      return null;
    }
    String rest = regex.substring(2);
    Set<String> exact = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    if (!rest.startsWith("(?:")) {
      return addOpener(rest, exact, prefixes) ? new FirstWords(exact, prefixes) : null;
    }
    int end = closingParen(rest, 3);
    if (end < 0 || rest.startsWith("?", end + 1) || rest.startsWith("*", end + 1)) {
      return null; // an optional group could match nothing, so any word could start the match
    }
    for (String alternative : topLevelAlternatives(rest.substring(3, end))) {
      if (!addOpener(alternative, exact, prefixes)) {
        return null;
      }
    }
    return new FirstWords(exact, prefixes);
  }

  // Reads the first word of an alternative: "word", "words?" or "prefix\w*".
  private static boolean addOpener(String alternative, Set<String> exact, List<String> prefixes) {
    int i = 0;
    while (i < alternative.length() && Character.isLetterOrDigit(alternative.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    String word = alternative.substring(0, i);
    String after = alternative.substring(i);
    if (after.isEmpty() || after.startsWith(" ") || after.startsWith("\\b")) {
      exact.add(word);
      return true;
    }
    if (after.startsWith("?")) {
      // "arms?" opens with "arm" or "arms".
      exact.add(word);
      exact.add(word.substring(0, word.length() - 1));
      return after.length() == 1 || after.startsWith("? ") || after.startsWith("?\\b");
    }
    if (after.startsWith("\\w*") || after.startsWith("\\w+")) {
      prefixes.add(word);
      return true;
    }
    return false;
  }

  private static int closingParen(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> topLevelAlternatives(String group) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < group.length(); i++) {
      char c = group.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(group.substring(start, i));
        start = i + 1;
      }
    }
    out.add(group.substring(start));
    return out;
  }
}
