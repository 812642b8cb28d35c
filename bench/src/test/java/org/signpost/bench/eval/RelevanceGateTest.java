package org.signpost.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signpost.core.embed.Embedder;

/**
 * The relevance gate of every build: Signpost's search must not fall below plain BM25 on either
 * judged set, on any of nDCG@10, P@10 and recall@20. The Baltimore set needs the shared third-party
 * data and is skipped, with a message, when it is absent.
 */
class RelevanceGateTest {
  private static final Path ROOT = Path.of(System.getProperty("signpost.root", "..")).normalize();
  private static Embedder embedder;

  @BeforeAll
  static void model() {
    embedder = Evaluation.embedder(Path.of("target/eval-cache"), true);
    assertThat(embedder.available()).as("the embedding model loads from its jar").isTrue();
  }

  @Test
  void demoSet_signpostIsNeverBelowPlainBm25() {
    Evaluation.Comparison c = Evaluation.demo(ROOT, embedder);
    Evaluation.print(c, false, System.out);

    assertThat(c.queries()).isGreaterThanOrEqualTo(30);
    assertNotBelow(c);
  }

  @Test
  void baltimoreSet_signpostIsNeverBelowPlainBm25_andMeetsTheIssuesBar() throws Exception {
    Optional<Path> data = Evaluation.sharedData(ROOT);
    assumeTrue(
        data.isPresent(),
        "../shared/data/bchd-baltimore-charmcare is absent: the Baltimore judged set is skipped");
    Evaluation.Comparison c = Evaluation.baltimore(data.get(), embedder);
    Evaluation.print(c, false, System.out);

    assertThat(c.queries()).isGreaterThanOrEqualTo(60);
    assertThat(c.listings()).isGreaterThan(1800);
    assertNotBelow(c);
    // The bar issue 7 sets for held-out queries on this data; a change that loses it fails here.
    assertThat(c.signpost().ndcg10()).as("baltimore nDCG@10").isGreaterThanOrEqualTo(0.60);
    assertThat(c.signpost().p10()).as("baltimore P@10").isGreaterThanOrEqualTo(0.60);
  }

  private static void assertNotBelow(Evaluation.Comparison c) {
    assertThat(c.signpost().ndcg10())
        .as(c.set() + " nDCG@10")
        .isGreaterThanOrEqualTo(c.bm25().ndcg10());
    assertThat(c.signpost().p10()).as(c.set() + " P@10").isGreaterThanOrEqualTo(c.bm25().p10());
    assertThat(c.signpost().recall20())
        .as(c.set() + " recall@20")
        .isGreaterThanOrEqualTo(c.bm25().recall20());
  }
}
