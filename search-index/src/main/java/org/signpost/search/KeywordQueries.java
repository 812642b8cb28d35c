package org.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds a scoring query from free text. The text is analysed into terms, never parsed, so quotes,
 * colons, brackets, wildcards and unbalanced parentheses are just characters. Synonyms expand at
 * query time; a word the index has never seen is matched fuzzily instead.
 */
final class KeywordQueries {
  /** Caps the number of words read, so a 10 kB query stays cheap. */
  static final int MAX_TERMS = 32;

  private static final float FUZZY_WEIGHT = 1.5f;

  /** Words that only connect a language name to the request ("Urdu speaking", "speaks Polish"). */
  private static final java.util.Set<String> LANGUAGE_CONNECTORS =
      java.util.Set.of("speaking", "speaker", "speakers", "speaks", "speak", "spoken");

  /** Generic service words still count, a little, so they can break ties. */
  static final float GENERIC_WEIGHT = 0.2f;

  /** A listing for the language, audience or cost the searcher named ranks higher. */
  static final float LANGUAGE_BOOST = 3f;

  static final float AUDIENCE_BOOST = 2f;
  static final float FREE_BOOST = 1f;

  /** Shared: analyzers are thread-safe and reuse their token streams per thread. */
  private static final Analyzer WORDS = new Synonyms.EntryAnalyzer();

  private static final CharArraySet QUERY_STOPS = stopSet(true);
  private static final CharArraySet GENERIC_ONLY_STOPS = stopSet(false);

  /** The searcher's own words, without filler or generic words. */
  private static final Analyzer OWN_WORDS = new SignpostAnalyzer(null, QUERY_STOPS);

  /** Generic words only: filler is dropped, generic words kept. */
  private static final Analyzer WITH_GENERIC = new SignpostAnalyzer(null, GENERIC_ONLY_STOPS);

  private KeywordQueries() {}

  /**
   * An analyzer that expands synonyms, for queries. It removes no words: removing a word after
   * synonym expansion can break the token graph of a multi-word synonym, so filler and generic
   * words are dropped when the query is built instead ({@link TopicalQueryBuilder}).
   */
  static Analyzer expanding(SynonymMap synonyms) {
    return new SignpostAnalyzer(synonyms, CharArraySet.EMPTY_SET);
  }

  /** Filler, generic and English stop words as the expanding analyzer leaves them: stemmed. */
  private static final java.util.Set<String> STOP_STEMS = stopStems();

  private static java.util.Set<String> stopStems() {
    java.util.Set<String> stems = new java.util.HashSet<>();
    try (Analyzer stemming = new SignpostAnalyzer(null, CharArraySet.EMPTY_SET)) {
      for (Object word : QUERY_STOPS) {
        stems.addAll(analyse(stemming, Fields.NAME, new String((char[]) word), 4));
      }
    }
    return java.util.Set.copyOf(stems);
  }

  /**
   * Builds queries from the expanding analyzer's token graph, leaving out filler and generic words:
   * a word left out matches nothing, so a multi-word phrase that needs it falls back on its
   * synonyms, and a synonym group keeps its other terms.
   */
  static final class TopicalQueryBuilder extends QueryBuilder {
    TopicalQueryBuilder(Analyzer analyzer) {
      super(analyzer);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      return STOP_STEMS.contains(term.text())
          ? new MatchNoDocsQuery()
          : super.newTermQuery(term, boost);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
      TermAndBoost[] kept =
          java.util.Arrays.stream(terms)
              .filter(t -> !STOP_STEMS.contains(t.term().utf8ToString()))
              .toArray(TermAndBoost[]::new);
      if (kept.length == 0) {
        return new MatchNoDocsQuery();
      }
      if (kept.length == 1) {
        return super.newTermQuery(new Term(field, kept[0].term()), kept[0].boost());
      }
      return super.newSynonymQuery(field, kept);
    }
  }

  /**
   * The scoring query for {@code text}; match-all when it has no searchable words.
   *
   * @param expanding the analyzer from {@link #expanding}
   * @param reader used to tell unknown words (typos) from known ones
   */
  static Query build(Analyzer expanding, Analyzer indexAnalyzer, IndexReader reader, String text)
      throws IOException {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    QueryIntent intent = QueryIntent.of(String.join(" ", words));
    if (!intent.languages().isEmpty()) {
      // "Polish speaking advice" asks for advice in Polish: once the language is recognised, the
      // words that only said "in that language" are not part of the topic.
      words = words.stream().filter(w -> !LANGUAGE_CONNECTORS.contains(w)).toList();
      if (words.isEmpty()) {
        return new MatchAllDocsQuery();
      }
    }
    String clipped = String.join(" ", words);
    BooleanQuery.Builder topic = new BooleanQuery.Builder();
    // The words as typed, then the same words with synonyms expanded: a listing that uses the
    // searcher's own word scores on both, so it ranks above one that only uses a synonym.
    Query exact = acrossFields(new QueryBuilder(OWN_WORDS), clipped);
    int clauses = 0;
    if (expands(expanding, clipped)) {
      Query expanded = acrossFields(new TopicalQueryBuilder(expanding), clipped);
      if (exact != null) {
        topic.add(exact, Occur.SHOULD);
        clauses++;
      }
      if (expanded != null) {
        topic.add(expanded, Occur.SHOULD);
        clauses++;
      }
    } else if (exact != null) {
      // No synonym applies, so the expanded query would repeat the exact one term for term:
      // counting the exact query twice scores the same at half the cost.
      topic.add(new BoostQuery(exact, 2f), Occur.SHOULD);
      clauses++;
    }
    for (String word : words) {
      int edits = maxEdits(word);
      if (edits == 0
          || QueryIntent.FILLER.contains(word)
          || QueryIntent.GENERIC.contains(word)
          || known(reader, indexAnalyzer, word)) {
        continue;
      }
      // Typos are matched against the unstemmed spelling field: stemming a misspelt word can
      // change its shape far more than the typo did ("allotmnet" keeps its tail, "allotment"
      // stems to "allot").
      topic.add(
          new BoostQuery(
              new FuzzyQuery(new Term(Fields.SPELL, word), edits, 1, 50, true), FUZZY_WEIGHT),
          Occur.SHOULD);
      clauses++;
    }
    Query generic =
        intent.generic().isEmpty()
            ? null
            : acrossFields(new QueryBuilder(WITH_GENERIC), intent.generic());
    if (clauses == 0) {
      // Only generic words ("help", "support services"): they are all there is to go on.
      return generic == null ? new MatchAllDocsQuery() : generic;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(topic.build(), Occur.MUST);
    if (generic != null) {
      all.add(new BoostQuery(generic, GENERIC_WEIGHT), Occur.SHOULD);
    }
    for (String language : intent.languages()) {
      all.add(boost(Fields.LANGUAGE, language, LANGUAGE_BOOST), Occur.SHOULD);
    }
    for (String audience : intent.audiences()) {
      all.add(boost(Fields.AUDIENCE, audience, AUDIENCE_BOOST), Occur.SHOULD);
    }
    if (intent.free()) {
      all.add(boost(Fields.COST, "free", FREE_BOOST), Occur.SHOULD);
    }
    return all.build();
  }

  /**
   * True if expanding synonyms adds any term to the searcher's own topical words; false when the
   * expanded query would hold exactly the same terms.
   */
  private static boolean expands(Analyzer expanding, String text) {
    Set<String> own = new java.util.HashSet<>(analyse(OWN_WORDS, Fields.NAME, text, MAX_TERMS * 4));
    for (String term : analyse(expanding, Fields.NAME, text, MAX_TERMS * 4)) {
      if (!STOP_STEMS.contains(term) && !own.contains(term)) {
        return true;
      }
    }
    return false;
  }

  /** The topical part of the text: true if it has any word that is not filler or generic. */
  static boolean hasTopic(String text) {
    return !analyse(OWN_WORDS, Fields.NAME, text == null ? "" : text, 1).isEmpty();
  }

  private static Query boost(String field, String value, float weight) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), weight);
  }

  /** The text as one BM25F query over every searchable field (see {@link Fields#TEXT}). */
  private static Query acrossFields(QueryBuilder builder, String text) {
    return builder.createBooleanQuery(Fields.TEXT, text, Occur.SHOULD);
  }

  private static CharArraySet stopSet(boolean withGeneric) {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(QueryIntent.FILLER);
    if (withGeneric) {
      set.addAll(QueryIntent.GENERIC);
    }
    return CharArraySet.unmodifiableSet(set);
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
    return reader.docFreq(new Term(Fields.TEXT, stems.get(0))) > 0;
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
