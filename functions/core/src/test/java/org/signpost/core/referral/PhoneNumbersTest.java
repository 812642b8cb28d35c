package org.signpost.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
  @Test
  void e164_readsUkNationalAndInternationalForms() {
    assertThat(PhoneNumbers.e164("07700 900123")).contains("+447700900123");
    assertThat(PhoneNumbers.e164("(0121) 496-0000")).contains("+441214960000");
    assertThat(PhoneNumbers.e164("+44 7700 900123")).contains("+447700900123");
    assertThat(PhoneNumbers.e164("+44 (0)7700 900123")).contains("+447700900123");
    assertThat(PhoneNumbers.e164("+48 601 234 567")).contains("+48601234567");
  }

  @Test
  void e164_refusesWhatIsNeitherShape() {
    for (String bad :
        new String[] {
          "",
          "12345",
          "07700 9001",
          "7700900123",
          "+44 7700 900123 4",
          "+0 123 456 789",
          "+1234567890123456",
          "0770O 900123",
          "call me"
        }) {
      assertThat(PhoneNumbers.e164(bad)).as(bad).isEqualTo(Optional.empty());
    }
  }

  @Test
  void textable_isAUkMobileOrANumberAbroad() {
    assertThat(PhoneNumbers.textable("+447700900123")).isTrue();
    assertThat(PhoneNumbers.textable("+441214960000")).isFalse();
    assertThat(PhoneNumbers.textable("+48601234567")).isTrue();
  }
}
