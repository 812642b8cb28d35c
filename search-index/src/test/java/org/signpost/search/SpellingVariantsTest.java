package org.signpost.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingVariantsTest {
  @ParameterizedTest
  @CsvSource({
    "colour,color",
    "neighbourhood,neighborhood",
    "behaviour,behavior",
    "favourite,favorite",
    "organise,organize",
    "socialising,socializing",
    "immunisation,immunization",
    "analyse,analyze",
    "centre,center",
    "theatres,theaters",
    "catalogue,catalog",
    "paediatric,pediatric",
    "programme,program",
    "mums,moms",
    "licence,license",
    // left alone: the rules' exceptions
    "exercise,exercise",
    "advise,advise",
    "supervise,supervise",
    "surprise,surprise",
    "enterprise,enterprise",
    "hour,hour",
    "flour,flour",
    "detour,detour",
    "crisis,crisis",
    "genre,genre",
    "advertise,advertise"
  })
  void american_spellsBritishWordsTheAmericanWay_andLeavesOthersAlone(String in, String out) {
    assertThat(SpellingVariants.american(in)).isEqualTo(out);
  }
}
