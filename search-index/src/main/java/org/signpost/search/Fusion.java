package org.signpost.search;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reciprocal rank fusion of the keyword and semantic legs for one search on one searcher. A listing
 * scores {@code 1 / (K + rank)} for each leg that ranks it in its top {@link #DEPTH}; listings that
 * only match the keyword query further down follow, in keyword order, below every fused one.
 *
 * <p>Rank fusion was chosen over blending normalised scores because BM25 scores and cosine
 * similarities live on unrelated scales that move from query to query; ranks need no calibration,
 * and a listing both legs agree on rises above one that only one leg likes.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class Fusion {
  /** The usual damping constant of reciprocal rank fusion. */
  static final int K = 60;

  /** How deep each leg is read. */
  static final int DEPTH = 100;

  /** Fused docs in ascending order and their scores: looked up for every match, without boxing. */
  private final int[] docs;

  private final double[] scores;
  private final float maxKeywordScore;

  /**
   * @param keyword global doc ids of the keyword leg's top hits, best first
   * @param semantic global doc ids of the semantic leg's top hits, best first
   * @param maxKeywordScore the keyword leg's best score, to scale the tail below every fused hit
   */
  Fusion(List<Integer> keyword, List<Integer> semantic, float maxKeywordScore) {
    this.maxKeywordScore = maxKeywordScore <= 0 ? 1 : maxKeywordScore;
    Map<Integer, Double> fused = new TreeMap<>();
    add(fused, keyword);
    add(fused, semantic);
    docs = new int[fused.size()];
    scores = new double[fused.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> entry : fused.entrySet()) {
      docs[i] = entry.getKey();
      scores[i++] = entry.getValue();
    }
  }

  private static void add(Map<Integer, Double> fused, List<Integer> ranked) {
    for (int i = 0; i < ranked.size(); i++) {
      fused.merge(ranked.get(i), 1.0 / (K + i + 1), Double::sum);
    }
  }

  /**
   * The fused score of a doc; a keyword match outside both top lists scores below the lowest fused
   * score, in proportion to its keyword score.
   */
  double score(int globalDoc, double keywordScore) {
    int at = Arrays.binarySearch(docs, globalDoc);
    if (at >= 0) {
      return scores[at];
    }
    return 0.5 / (K + DEPTH + 1) * Math.min(1.0, keywordScore / maxKeywordScore);
  }
}
