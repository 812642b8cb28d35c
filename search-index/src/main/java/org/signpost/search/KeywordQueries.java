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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a scoring query from free text. The text is analysed into terms, never parsed, so quotes,
 * colons, brackets, wildcards and unbalanced parentheses are just characters.
 */
final class KeywordQueries {
  /** Caps the number of distinct terms, so a 10 kB query stays cheap. */
  static final int MAX_TERMS = 32;

  private KeywordQueries() {}

  static Query build(Analyzer analyzer, String text) {
    List<String> terms = terms(analyzer, text);
    if (terms.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (String term : terms) {
      builder.add(
          new DisjunctionMaxQuery(
              List.of(
                  new BoostQuery(new TermQuery(new Term(Fields.NAME, term)), 3f),
                  new BoostQuery(new TermQuery(new Term(Fields.SUMMARY, term)), 2f),
                  new TermQuery(new Term(Fields.DESCRIPTION, term))),
              0.1f),
          Occur.SHOULD);
    }
    return builder.build();
  }

  static List<String> terms(Analyzer analyzer, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.NAME, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis failed", e);
    }
    return new ArrayList<>(terms);
  }
}
