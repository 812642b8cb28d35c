package org.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds a scoring query from free text. The text is analysed into terms, never parsed, so quotes,
 * colons, brackets, wildcards and unbalanced parentheses are just characters. Synonyms expand at
 * query time; a word the index has never seen is matched fuzzily instead.
 */
final class KeywordQueries {
  /** Caps the number of words read, so a 10 kB query stays cheap. */
  static final int MAX_TERMS = 32;

  static final float NAME_BOOST = 3f;
  static final float SUMMARY_BOOST = 2f;
  private static final float FUZZY_WEIGHT = 1.5f;
  private static final List<String> TEXT_FIELDS =
      List.of(Fields.NAME, Fields.SUMMARY, Fields.DESCRIPTION);

  /** Shared: analyzers are thread-safe and reuse their token streams per thread. */
  private static final Analyzer WORDS = new Synonyms.EntryAnalyzer();

  private KeywordQueries() {}

  /**
   * The scoring query for {@code text}; match-all when it has no searchable words.
   *
   * @param reader used to tell unknown words (typos) from known ones
   */
  static Query build(
      Analyzer queryAnalyzer, Analyzer indexAnalyzer, IndexReader reader, String text)
      throws IOException {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    String clipped = String.join(" ", words);
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    // The words as typed, then the same words with synonyms expanded: a listing that uses the
    // searcher's own word scores on both, so it ranks above one that only uses a synonym.
    Query exact = acrossFields(new QueryBuilder(indexAnalyzer), clipped);
    Query expanded = acrossFields(new QueryBuilder(queryAnalyzer), clipped);
    if (exact != null) {
      all.add(exact, Occur.SHOULD);
    }
    if (expanded != null) {
      all.add(expanded, Occur.SHOULD);
    }
    int fuzzy = 0;
    for (String word : words) {
      int edits = maxEdits(word);
      if (edits == 0 || known(reader, indexAnalyzer, word)) {
        continue;
      }
      // Typos are matched against the unstemmed spelling field: stemming a misspelt word can
      // change its shape far more than the typo did ("allotmnet" keeps its tail, "allotment"
      // stems to "allot").
      all.add(
          new BoostQuery(
              new FuzzyQuery(new Term(Fields.SPELL, word), edits, 1, 50, true), FUZZY_WEIGHT),
          Occur.SHOULD);
      fuzzy++;
    }
    if (exact == null && expanded == null && fuzzy == 0) {
      // Only stop words or symbols: nothing to score on, so everything matches equally.
      return new MatchAllDocsQuery();
    }
    return all.build();
  }

  private static Query acrossFields(QueryBuilder builder, String text) {
    List<Query> perField = new ArrayList<>();
    float[] boosts = {NAME_BOOST, SUMMARY_BOOST, 1f};
    for (int i = 0; i < TEXT_FIELDS.size(); i++) {
      Query q = builder.createBooleanQuery(TEXT_FIELDS.get(i), text, Occur.SHOULD);
      if (q != null) {
        perField.add(new BoostQuery(q, boosts[i]));
      }
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.1f);
  }

  /** Up to two edits on words of eight letters or more, one on five to seven, none below. */
  static int maxEdits(String word) {
    int length = word.codePointCount(0, word.length());
    if (length >= 8) {
      return 2;
    }
    return length >= 5 ? 1 : 0;
  }

  /** A word the index already holds, as written or once stemmed, is not a typo. */
  private static boolean known(IndexReader reader, Analyzer indexAnalyzer, String word)
      throws IOException {
    if (reader.docFreq(new Term(Fields.SPELL, word)) > 0) {
      return true;
    }
    List<String> stems = analyse(indexAnalyzer, Fields.NAME, word, 1);
    if (stems.isEmpty()) {
      return true;
    }
    for (String field : TEXT_FIELDS) {
      if (reader.docFreq(new Term(field, stems.get(0))) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The lower-cased, folded words of the text, before stop words and stemming. */
  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return analyse(WORDS, Fields.NAME, text, MAX_TERMS);
  }

  /** The index terms of the text: what "matched terms" in a result's reasons compare against. */
  static List<String> terms(Analyzer analyzer, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return analyse(analyzer, Fields.NAME, text, MAX_TERMS);
  }

  static List<String> analyse(Analyzer analyzer, String field, String text, int max) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < max) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis failed", e);
    }
    return new ArrayList<>(terms);
  }
}
