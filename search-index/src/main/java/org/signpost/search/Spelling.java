package org.signpost.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word that no listing name or summary contains with the closest word
 * that one does, read straight from the index's unstemmed spelling field. Thread-safe.
 */
final class Spelling {
  private final DirectSpellChecker checker = new DirectSpellChecker();

  Spelling() {
    checker.setMinQueryLength(4);
    checker.setMaxEdits(2);
  }

  /** The corrected text, or null when every word is known or nothing closer was found. */
  String suggest(IndexReader reader, String text) throws IOException {
    List<String> words = KeywordQueries.words(text);
    List<String> out = new ArrayList<>(words.size());
    boolean changed = false;
    for (String word : words) {
      Term term = new Term(Fields.SPELL, word);
      String replacement = word;
      if (reader.docFreq(term) == 0 && KeywordQueries.maxEdits(word) > 0) {
        SuggestWord[] found =
            checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (found.length > 0) {
          replacement = found[0].string;
          changed = true;
        }
      }
      out.add(replacement);
    }
    return changed ? String.join(" ", out) : null;
  }
}
