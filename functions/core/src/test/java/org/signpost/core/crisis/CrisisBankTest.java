package org.signpost.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Recall and false-positive rate of the detector on a bank of phrasings written for it, in two
 * halves: the development half the rules were tuned against, and a held-out half written first and
 * measured once before any rule was changed for it (the README reports both).
 */
class CrisisBankTest {
  private static final double MIN_RECALL = 0.97;
  private static final double MAX_FALSE_POSITIVES = 0.02;

  private final CrisisDetector detector = new CrisisDetector();

  @Test
  void bank_isLargeEnoughToMeanSomething() {
    assertThat(lines("distress-development.txt").size() + lines("distress-holdout.txt").size())
        .isGreaterThanOrEqualTo(220);
    assertThat(lines("everyday-development.txt").size() + lines("everyday-holdout.txt").size())
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void developmentHalf_meetsRecallAndFalsePositiveTargets() {
    assertMeetsTargets("development", "distress-development.txt", "everyday-development.txt");
  }

  @Test
  void heldOutHalf_meetsRecallAndFalsePositiveTargets() {
    assertMeetsTargets("held-out", "distress-holdout.txt", "everyday-holdout.txt");
  }

  private void assertMeetsTargets(String half, String distressFile, String everydayFile) {
    List<String> distress = lines(distressFile);
    List<String> everyday = lines(everydayFile);
    List<String> missed = distress.stream().filter(t -> !detector.signalsDistress(t)).toList();
    List<String> falseAlarms = everyday.stream().filter(detector::signalsDistress).toList();
    double recall = 1.0 - (double) missed.size() / distress.size();
    double falsePositiveRate = (double) falseAlarms.size() / everyday.size();
    System.out.printf(
        Locale.ROOT,
        "crisis bank %s: recall %.1f%% (%d/%d), false positives %.1f%% (%d/%d)%n",
        half,
        recall * 100,
        distress.size() - missed.size(),
        distress.size(),
        falsePositiveRate * 100,
        falseAlarms.size(),
        everyday.size());

    assertThat(missed)
        .as("missed (recall %.3f)", recall)
        .hasSizeLessThanOrEqualTo((int) Math.floor(distress.size() * (1 - MIN_RECALL)));
    assertThat(falseAlarms)
        .as("false alarms")
        .hasSizeLessThanOrEqualTo((int) Math.floor(everyday.size() * MAX_FALSE_POSITIVES));
  }

  private static List<String> lines(String file) {
    try (InputStream in = CrisisBankTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
