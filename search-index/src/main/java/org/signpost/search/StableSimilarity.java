package org.signpost.search;

import org.apache.lucene.search.similarities.ClassicSimilarity;

/**
 * TF-IDF scoring without the IDF: a document's score depends only on itself and the query, never on
 * what else is in the index. That keeps a relevance cursor meaningful while other listings change,
 * so paging neither repeats nor skips results. Field boosts still rank names above summaries above
 * descriptions. Stateless and thread-safe.
 */
final class StableSimilarity extends ClassicSimilarity {
  @Override
  public float idf(long docFreq, long docCount) {
    return 1f;
  }
}
