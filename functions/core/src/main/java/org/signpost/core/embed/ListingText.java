package org.signpost.core.embed;

import java.util.ArrayList;
import java.util.List;
import org.signpost.core.listing.ListingContent;

/**
 * The text a listing is embedded from: what it is called, what it is for and who it serves, then
 * the start of its description. The model reads at most 256 word pieces, so the most telling parts
 * come first. Stateless.
 */
public final class ListingText {
  /** Roughly what fits in the model's window after the name, labels and audience. */
  static final int DESCRIPTION_WORDS = 200;

  private ListingText() {}

  public static String of(ListingContent c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.name());
    if (c.alternateName() != null) {
      parts.add(c.alternateName());
    }
    if (c.summary() != null) {
      parts.add(c.summary());
    }
    List<String> labels = new ArrayList<>();
    c.categories().forEach(code -> labels.add(label(code)));
    c.needs().forEach(code -> labels.add(label(code)));
    labels.addAll(c.keywords());
    if (!labels.isEmpty()) {
      parts.add(String.join(", ", labels) + ".");
    }
    if (c.eligibility().whoFor() != null) {
      parts.add("For: " + c.eligibility().whoFor());
    }
    if (c.description() != null) {
      parts.add(firstWords(c.description(), DESCRIPTION_WORDS));
    }
    return String.join("\n", parts);
  }

  /** A vocabulary code as words: {@code english_language} reads "english language". */
  public static String label(String code) {
    return code.replace('_', ' ');
  }

  static String firstWords(String text, int max) {
    String[] words = text.strip().split("\\s+");
    if (words.length <= max) {
      return text.strip();
    }
    return String.join(" ", java.util.Arrays.copyOf(words, max));
  }
}
