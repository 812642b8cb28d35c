package org.signpost.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Autocomplete over listing names and the synonym vocabulary: a completion matches when any of its
 * words starts with the typed prefix. Kept in a sorted map keyed by word, updated with each index
 * change, so it is as fresh as the index without a rebuild.
 *
 * <p>Thread-safe: concurrent maps; a reader may see a change half applied, which only affects which
 * completions a keystroke shows.
 */
final class Suggestions {
  static final int MAX = 8;
  private static final char SEPARATOR = '\u0000';

  /** "word\0key" → completion; key is a listing id or "~" plus the vocabulary term. */
  private final NavigableMap<String, Completion> byWord = new ConcurrentSkipListMap<>();

  private final Map<String, String> names = new ConcurrentHashMap<>();
  private volatile List<String> vocabulary = List.of();

  void put(String id, String name) {
    remove(id);
    if (name == null || name.isBlank()) {
      return;
    }
    names.put(id, name);
    Completion completion = Completion.of(name);
    for (String word : completion.words()) {
      byWord.put(word + SEPARATOR + id, completion);
    }
  }

  /** Adds a listing's name unless a newer change already gave it one. */
  void putIfAbsent(String id, String name) {
    if (!names.containsKey(id)) {
      put(id, name);
    }
  }

  void remove(String id) {
    String old = names.remove(id);
    if (old != null) {
      for (String word : words(old)) {
        byWord.remove(word + SEPARATOR + id);
      }
    }
  }

  /** Replaces the vocabulary terms (synonym entries and their groups). */
  void vocabulary(List<String> terms) {
    for (String old : vocabulary) {
      for (String word : words(old)) {
        byWord.remove(word + SEPARATOR + "~" + old);
      }
    }
    for (String term : terms) {
      Completion completion = Completion.of(term);
      for (String word : completion.words()) {
        byWord.put(word + SEPARATOR + "~" + term, completion);
      }
    }
    vocabulary = List.copyOf(terms);
  }

  /**
   * Up to {@link #MAX} completions: texts starting with the prefix first, then the rest; shorter
   * before longer, then alphabetically, so the order is deterministic.
   */
  List<String> complete(String prefix) {
    List<String> typed = words(prefix);
    if (typed.isEmpty()) {
      return List.of();
    }
    String lookup = typed.get(typed.size() - 1);
    String normalisedPrefix = String.join(" ", typed);
    Map<String, String> candidates = new LinkedHashMap<>();
    int scanned = 0;
    for (Completion completion :
        byWord.subMap(lookup, true, lookup + Character.MAX_VALUE, true).values()) {
      if (containsAll(completion.words(), typed)) {
        candidates.putIfAbsent(completion.key(), completion.display());
      }
      if (++scanned > 2_000) {
        break;
      }
    }
    List<Map.Entry<String, String>> ranked = new ArrayList<>(candidates.entrySet());
    ranked.sort(
        Comparator.<Map.Entry<String, String>>comparingInt(
                e -> e.getKey().startsWith(normalisedPrefix) ? 0 : 1)
            .thenComparingInt(e -> e.getKey().length())
            .thenComparing(Map.Entry::getKey));
    return ranked.stream().limit(MAX).map(Map.Entry::getValue).toList();
  }

  int size() {
    return names.size();
  }

  /** Earlier words must appear whole; the last typed word may be a prefix of any word. */
  private static boolean containsAll(List<String> words, List<String> typed) {
    for (int i = 0; i < typed.size(); i++) {
      String t = typed.get(i);
      boolean last = i == typed.size() - 1;
      boolean found = false;
      for (String w : words) {
        if (last ? w.startsWith(t) : w.equals(t)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** A completion with its words worked out once, when it is added. */
  private record Completion(String display, String key, List<String> words) {
    static Completion of(String display) {
      List<String> words = Suggestions.words(display);
      return new Completion(display, String.join(" ", words), words);
    }
  }

  static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && out.size() < 16) {
        out.add(word);
      }
    }
    return out;
  }
}
