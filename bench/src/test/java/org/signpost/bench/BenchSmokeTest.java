package org.signpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a tiny corpus; figures are not asserted, only produced. */
class BenchSmokeTest {

  @Test
  void generator_isDeterministic_forASeed() {
    assertThat(CorpusGenerator.generate(50, 7)).isEqualTo(CorpusGenerator.generate(50, 7));
    assertThat(CorpusGenerator.generate(50, 7)).isNotEqualTo(CorpusGenerator.generate(50, 8));
  }

  @Test
  void bench_reportsEveryScenario_onATinyCorpus() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Bench.run(List.of(500), 50, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(Bench.lines(bytes.toString(StandardCharsets.UTF_8)))
        .anyMatch(l -> l.contains("index build"))
        .anyMatch(l -> l.contains("keyword + need + 5 km"))
        .anyMatch(l -> l.contains("fuzzy"))
        .anyMatch(l -> l.contains("suggest"))
        .anyMatch(l -> l.contains("plain Lucene"));
  }
}
