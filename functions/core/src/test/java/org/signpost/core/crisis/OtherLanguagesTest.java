package org.signpost.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Distress in Polish, Arabic, Urdu and Bengali, through the detector the pages and API use. */
class OtherLanguagesTest {
  private final CrisisDetector detector = new CrisisDetector();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Polish, with and without accents, as typed on a phone.
        "chcę umrzeć",
        "Chce umrzec, nie daje rady",
        "myślę o tym żeby się zabić",
        "nie chcę już żyć",
        "mam myśli samobójcze",
        "tnę się od miesiąca",
        "mąż mnie bije i grozi że mnie zabije",
        // Arabic: standard and dialect, with and without hamza.
        "أريد أن أموت",
        "اريد ان اموت",
        "بدي موت",
        "أفكر في الانتحار",
        "سأنتحر الليلة",
        "لا أريد أن أعيش بعد الآن",
        "زوجي يضربني",
        // Urdu.
        "میں مرنا چاہتا ہوں",
        "میں مرنا چاہتی ہوں",
        "خودکشی کے خیالات آتے ہیں",
        "میں جینا نہیں چاہتا",
        // Bengali.
        "আমি মরে যেতে চাই",
        "আত্মহত্যা করতে ইচ্ছে করে",
        "আমি আর বাঁচতে চাই না",
        "নিজেকে মেরে ফেলতে চাই"
      })
  void distress_isSeen_inThePagesOtherLanguages(String text) {
    assertThat(detector.signalsDistress(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "grupa spacerowa dla seniorów",
        "kurs angielskiego za darmo",
        "szkolenie z zapobiegania samobójstwom dla wolontariuszy",
        "pomoc dla osób w żałobie",
        "دروس اللغة الإنجليزية",
        "مجموعة المشي لكبار السن",
        "دورة تدريب على الوقاية من الانتحار",
        "انگریزی کی کلاس",
        "خودکشی کی روک تھام کی تربیت",
        "হাঁটার দল",
        "ইংরেজি শেখার ক্লাস",
        "আমাকে মার্কেটের কাছে একটি দল দেখাও",
        "আত্মহত্যা প্রতিরোধ প্রশিক্ষণ"
      })
  void everydaySearches_andTopicsBeingStudied_areNot(String text) {
    assertThat(detector.signalsDistress(text)).as(text).isFalse();
  }
}
