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
  private static final float FUZZY_WEIGHT = 0.6f;
  private static final List<String> TEXT_FIELDS =
      List.of(Fields.NAME, Fields.SUMMARY, Fields.DESCRIPTION);

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
    QueryBuilder builder = new QueryBuilder(queryAnalyzer);
    List<Query> perField = new ArrayList<>();
    float[] boosts = {NAME_BOOST, SUMMARY_BOOST, 1f};
    for (int i = 0; i < TEXT_FIELDS.size(); i++) {
      Query q = builder.createBooleanQuery(TEXT_FIELDS.get(i), clipped, Occur.SHOULD);
      if (q != null) {
        perField.add(new BoostQuery(q, boosts[i]));
      }
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    if (!perField.isEmpty()) {
      all.add(new DisjunctionMaxQuery(perField, 0.1f), Occur.SHOULD);
    }
    int fuzzy = 0;
    for (String word : words) {
      int edits = maxEdits(word);
      if (edits == 0) {
        continue;
      }
      String stem = stem(indexAnalyzer, word);
      if (stem == null || known(reader, stem)) {
        continue;
      }
      List<Query> alternatives = new ArrayList<>();
      for (int i = 0; i < TEXT_FIELDS.size(); i++) {
        alternatives.add(
            new BoostQuery(
                new FuzzyQuery(new Term(TEXT_FIELDS.get(i), stem), edits, 1, 50, true),
                boosts[i] * FUZZY_WEIGHT));
      }
      all.add(new DisjunctionMaxQuery(alternatives, 0.1f), Occur.SHOULD);
      fuzzy++;
    }
    if (perField.isEmpty() && fuzzy == 0) {
      // Only stop words or symbols: nothing to score on, so everything matches equally.
      return new MatchAllDocsQuery();
    }
    return all.build();
  }

  /** Up to two edits on words of eight letters or more, one on five to seven, none below. */
  static int maxEdits(String word) {
    int length = word.codePointCount(0, word.length());
    if (length >= 8) {
      return 2;
    }
    return length >= 5 ? 1 : 0;
  }

  private static boolean known(IndexReader reader, String stem) throws IOException {
    for (String field : TEXT_FIELDS) {
      if (reader.docFreq(new Term(field, stem)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String stem(Analyzer indexAnalyzer, String word) {
    List<String> terms = analyse(indexAnalyzer, Fields.NAME, word, 1);
    return terms.isEmpty() ? null : terms.get(0);
  }

  /** The lower-cased, folded words of the text, before stop words and stemming. */
  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try (Analyzer words = new Synonyms.EntryAnalyzer()) {
      return analyse(words, Fields.NAME, text, MAX_TERMS);
    }
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
