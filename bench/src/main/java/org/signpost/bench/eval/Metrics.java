package org.signpost.bench.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranking metrics over graded judgments: nDCG@10, P@10 and recall@20. Stateless. */
final class Metrics {
  private Metrics() {}

  /** One query's figures. */
  record Scores(double ndcg10, double p10, double recall20, int returned) {}

  static Scores score(JudgedSet.Query query, List<String> rankedKeys) {
    return new Scores(
        ndcg(query, rankedKeys, 10),
        precision(query, rankedKeys, 10),
        recall(query, rankedKeys, 20),
        rankedKeys.size());
  }

  /** Graded nDCG with gain 2^grade - 1 and a log2 discount, against the ideal ordering. */
  static double ndcg(JudgedSet.Query query, List<String> ranked, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(query.grade(ranked.get(i))) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(query.judgments().values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** The share of the first k places (k, not the number returned) holding a relevant listing. */
  static double precision(JudgedSet.Query query, List<String> ranked, int k) {
    long relevant = ranked.stream().limit(k).filter(key -> query.grade(key) > 0).count();
    return (double) relevant / k;
  }

  static double recall(JudgedSet.Query query, List<String> ranked, int k) {
    long total = query.relevantCount();
    if (total == 0) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(key -> query.grade(key) > 0).count();
    return (double) found / total;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
