package org.signpost.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English analysis for listing text: folding, possessives, British spellings made American, stop
 * words and Porter stemming. The query-time variant also expands synonyms, so the index never needs
 * rebuilding when the list changes. Immutable and thread-safe, as Lucene analyzers are.
 */
public final class SignpostAnalyzer extends Analyzer {
  private final SynonymMap synonyms;
  private final CharArraySet stopWords;

  /** The index-time analyzer: no synonyms. */
  public SignpostAnalyzer() {
    this(null);
  }

  /** A query-time analyzer expanding the given synonyms (null for none). */
  public SignpostAnalyzer(SynonymMap synonyms) {
    this(synonyms, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  /**
   * An analyzer with its own stop words, removed after synonym expansion so that multi-word
   * synonyms ("on my own") still fire although their words are dropped.
   */
  SignpostAnalyzer(SynonymMap synonyms, CharArraySet stopWords) {
    this.synonyms = synonyms;
    this.stopWords = stopWords;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(64);
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    if (synonyms != null && synonyms.fst != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    stream = new SpellingVariants(stream);
    stream = new StopFilter(stream, stopWords);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }
}
