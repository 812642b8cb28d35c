package org.signpost.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {

  private final CrisisDetector detector = new CrisisDetector();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I feel suicidal",
        "suicidal thoughts every night",
        "thinking about suicide",
        "suicide",
        "i want to die",
        "I just want to die",
        "wanna die",
        "I want to kill myself",
        "going to kill my self tonight",
        "I want to end my life",
        "thinking of ending my life",
        "i want to take my own life",
        "i want to end it all",
        "I can't go on",
        "i cant go on like this",
        "I cannot go on anymore",
        "I can not go on any more",
        "self harm",
        "I keep self harming",
        "I hurt myself on purpose",
        "i want to harm myself",
        "cutting myself again",
        "there is no way out",
        "I have no reason to live",
        "nothing to live for",
        "I'd be better off dead",
        "I wish I was dead",
        "I took an overdose",
        "I don't want to be here anymore",
        "i dont want to live anymore"
      })
  void signalsDistress_isTrue_forFirstPersonPhrasings(String text) {
    assertThat(detector.signalsDistress(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "feeling suicidle",
        "im sucidal",
        "suicdal again tonight",
        "thinking of sucide",
        "self harn",
        "selfharm",
        "self-harm",
        "kil myself",
        "i want to dye",
        "want 2 die",
        "I can\u2019t go on.",
        "  I   WANT   TO   DIE  ",
        "want... to... die!!!",
        "SUICIDAL!!!",
        "i want to kill myslef",
        "I do not want to be here any more",
        "I feel soooo suicidaaaal",
        "im struggling. i want to end it all"
      })
  void signalsDistress_isTrue_forMisspellingsAndOddPunctuation(String text) {
    assertThat(detector.signalsDistress(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "suicide prevention training for volunteers",
        "self harm awareness course",
        "Self-harm awareness training for youth workers",
        "mental health first aid training",
        "suicide bereavement support group",
        "support after losing my brother to suicide",
        "my dad died by suicide last year",
        "bereaved by suicide group",
        "samaritans volunteering",
        "overdose awareness training for staff",
        "naloxone overdose course"
      })
  void signalsDistress_isFalse_forProfessionalAndBereavementContexts(String text) {
    assertThat(detector.signalsDistress(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "die cast models",
        "dye workshop",
        "tie dye",
        "killing time",
        "hurt my knee",
        "I want to dye my hair purple",
        "we can't go on the trip on Tuesday",
        "I keep cutting myself off from friends",
        "killing myself laughing at this",
        "the flooding will subside",
        "cooking pasta that is not overdone",
        "end of life care for my mum",
        "knit and natter",
        "self help books",
        "I want to join a choir",
        "walking group for women",
        "debt advice drop in",
        "I don't want to live with my parents",
        "is there a way out of the car park",
        "dye",
        "die"
      })
  void signalsDistress_isFalse_forEverydayWordsThatLookSimilar(String text) {
    assertThat(detector.signalsDistress(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I'm not suicidal, just lonely",
        "I would never kill myself but I am low",
        "no suicidal thoughts, just need a walking group",
        "I don't want to die alone, looking for friends"
      })
  void signalsDistress_isFalse_whenTheWriterSaysItIsNot(String text) {
    assertThat(detector.signalsDistress(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my son says he wants to end it",
        "my wife keeps talking about killing herself",
        "worried my daughter is cutting herself",
        "my friend said everyone would be better off without her"
      })
  void signalsDistress_isTrue_whenWritingAboutSomeoneElse(String text) {
    assertThat(detector.signalsDistress(text)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t", "...", "!!!"})
  void signalsDistress_isFalse_forNullBlankOrPunctuationOnlyText(String text) {
    assertThat(detector.signalsDistress(text)).isFalse();
  }

  @Test
  void signalsDistress_findsAPhraseAtTheEndOfTenKilobytesOfText() {
    String padding = "looking for a gardening group near me on saturdays. ".repeat(200);
    assertThat(padding.length()).isGreaterThanOrEqualTo(10_000);

    assertThat(detector.signalsDistress(padding)).isFalse();
    assertThat(detector.signalsDistress(padding + "i want to die")).isTrue();
  }

  @Test
  void signalsDistress_staysFastOnTenKilobytesOfNearMisses() {
    String nearMisses =
        "self help, die cast, tie dye, killing time, suicide prevention. ".repeat(160);

    long started = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertThat(detector.signalsDistress(nearMisses)).isFalse();
    }
    // Generous bound so a slow CI runner passes, while a pathological slowdown still fails.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void signalsDistress_givesTheSameAnswersWhenSharedAcrossThreads() {
    long hits =
        IntStream.range(0, 2_000)
            .parallel()
            .filter(i -> detector.signalsDistress(i % 2 == 0 ? "i want to die" : "tie dye"))
            .count();

    assertThat(hits).isEqualTo(1_000);
  }
}
