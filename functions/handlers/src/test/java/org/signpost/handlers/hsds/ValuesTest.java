package org.signpost.handlers.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  @ParameterizedTest
  @CsvSource({
    "3pm, 15:00",
    "4:00 PM, 16:00",
    "9.30am, 09:30",
    "12am, 00:00",
    "12pm, 12:00",
    "noon, 12:00",
    "09:00:00, 09:00",
    "17:45, 17:45"
  })
  void time_normalisesCommonSpellings(String raw, String expected) {
    assertThat(Values.time(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9", "25pm", "13pm", "24:00", "soon", ""})
  void time_refusesAmbiguousOrImpossibleValues_namingThem(String raw) {
    assertThatThrownBy(() -> Values.time(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "9:00-5:00, 09:00, 17:00",
    "9am to 5pm, 09:00, 17:00",
    "10:00 – 11:30, 10:00, 11:30",
    "18:00-20:00, 18:00, 20:00"
  })
  void range_readsAnAfternoonEndWithoutMeridiemAsPm(String raw, String start, String end) {
    assertThat(Values.range(raw)).isEqualTo(new Values.TimeRange(start, end));
  }

  @ParameterizedTest
  @CsvSource({
    "'(0121) 496.0000', '0121 496 0000'",
    "'+44 121 496 0000', '+44 121 496 0000'",
    "'(650) 555-0101', '650 555-0101'",
    "'650 - 555 - 0101', '650-555-0101'"
  })
  void phone_normalisesBracketsDotsAndSpaces(String raw, String expected) {
    assertThat(Values.phone(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-800-FLOWERS", "call us", "12"})
  void phone_refusesLettersAndNonNumbers(String raw) {
    assertThatThrownBy(() -> Values.phone(raw)).hasMessageContaining(raw);
  }

  @org.junit.jupiter.api.Test
  void languages_mapsNamesToCodes_andReportsTheRest() {
    Values.Languages found = Values.languages("English, Spanish. / fr; Accommodations possible.");

    assertThat(found.codes()).containsExactly("en", "es", "fr");
    assertThat(found.unknown()).containsExactly("Accommodations possible.");
  }

  @org.junit.jupiter.api.Test
  void formulaLikeCells_areRecognised() {
    assertThat(Values.looksLikeFormula("=HYPERLINK(\"x\")")).isTrue();
    assertThat(Values.looksLikeFormula("+44 121")).isTrue();
    assertThat(Values.looksLikeFormula("@SUM(A1)")).isTrue();
    assertThat(Values.looksLikeFormula("-1+2")).isTrue();
    assertThat(Values.looksLikeFormula("Tea and chat")).isFalse();
    assertThat(Values.looksLikeFormula("-1.8721")).isFalse();
  }
}
