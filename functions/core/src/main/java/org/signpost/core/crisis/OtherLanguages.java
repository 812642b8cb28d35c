package org.signpost.core.crisis;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Distress in the other languages the pages speak (Polish, Arabic, Urdu and Bengali): the core
 * phrases of each screening category (wanting to die, suicide, killing or harming oneself, not
 * wanting to live, being beaten or threatened), matched in text folded the way people type on a
 * phone: Polish with or without its accents, Arabic and Urdu whatever the letter variants and short
 * vowels. Far smaller than the English rules, and written for recall: a false alarm shows a crisis
 * block above the results, a miss shows nothing. Words that mark a topic as studied or organised
 * ("prevention", "training") turn a match off, as they do in English. Immutable; thread-safe.
 */
final class OtherLanguages {
  private OtherLanguages() {}

  /** Combining accents (Polish) and short vowels (Arabic script); Bengali vowel signs stay. */
  private static final Pattern MARKS = Pattern.compile("[\\u0300-\\u036f\\u064b-\\u065f\\u0670]+");

  private static final Pattern SPACES =
      Pattern.compile("[\\s\\p{Punct}\\u060c\\u061f\\u06d4\\u0964]+");

  /**
   * Phrases, each written as typed and folded by {@link #fold} before matching. In Polish and
   * Bengali a phrase matches whole words, or, ending in {@code *}, words that start with it; in
   * Arabic script it matches anywhere, because articles, prepositions and the future prefix join
   * the word ("الانتحار", "سأنتحر").
   */
  private static final List<String> PHRASES =
      List.of(
          // Polish: I want to die; kill myself; I'll kill myself; I don't want to live (any more);
          // suicide, suicidal; take my own life; end it all with myself; I cut myself; I harm
          // myself; he beats me; he threatens to kill me; I fear for my life.
          "chcę umrzeć",
          "chciałbym umrzeć",
          "chciałabym umrzeć",
          "zabić się",
          "się zabić",
          "zabiję się",
          "się zabiję",
          "nie chcę żyć",
          "nie chcę już żyć",
          "nie chce mi się żyć",
          "samobójstw*",
          "samobójcz*",
          "odebrać sobie życie",
          "skończyć ze sobą",
          "skończę ze sobą",
          "tnę się",
          "okaleczam się",
          "bije mnie",
          "grozi że mnie zabije",
          "grozi, że mnie zabije",
          "boję się o swoje życie",
          // Arabic: I want to die (standard, Gulf, Levantine); suicide; kill myself; I don't want
          // to live; end my life; harm myself; he beats me; threatens to kill me.
          "أريد أن أموت",
          "اريد الموت",
          "أبي أموت",
          "بدي موت",
          "انتحار",
          "أنتحر",
          "سأنتحر",
          "أقتل نفسي",
          "اقتل حالي",
          "لا أريد أن أعيش",
          "ما بدي عيش",
          "أنهي حياتي",
          "إنهاء حياتي",
          "أؤذي نفسي",
          "أجرح نفسي",
          "يضربني",
          "يهددني بالقتل",
          // Urdu: I want to die (he, she); suicide; take my own life; kill myself; I don't want to
          // live; harm myself; he beats me.
          "مرنا چاہتا",
          "مرنا چاہتی",
          "خودکشی",
          "خود کشی",
          "اپنی جان لے",
          "اپنی جان لینا",
          "خود کو مار",
          "جینا نہیں چاہتا",
          "جینا نہیں چاہتی",
          "خود کو نقصان",
          "مجھے مارتا ہے",
          // Bengali: I want to die; suicide; kill myself; I don't want to live; harm myself; he
          // beats me.
          "মরে যেতে চাই",
          "মরতে চাই",
          "আত্মহত্যা",
          "নিজেকে মেরে ফেল*",
          "বাঁচতে চাই না",
          "নিজের ক্ষতি করতে",
          "আমাকে মারে");

  /** Words that show a topic is studied, taught or organised, not lived. */
  private static final List<String> PROFESSIONAL =
      List.of(
          "zapobieganie",
          "zapobiegania",
          "profilaktyka",
          "profilaktyki",
          "szkolenie",
          "szkolenia",
          "kurs",
          "الوقاية",
          "الوقايه",
          "منع",
          "تدريب",
          "دورة",
          "روک تھام",
          "تربیت",
          "প্রতিরোধ",
          "প্রশিক্ষণ");

  private static final List<Phrase> FOLDED_PHRASES = PHRASES.stream().map(Phrase::of).toList();
  private static final List<String> FOLDED_PROFESSIONAL =
      PROFESSIONAL.stream().map(OtherLanguages::fold).toList();

  private record Phrase(String folded, boolean anywhere, boolean prefix) {
    static Phrase of(String written) {
      boolean prefix = written.endsWith("*");
      String folded = fold(prefix ? written.substring(0, written.length() - 1) : written);
      boolean arabicScript =
          Character.UnicodeScript.of(folded.codePointAt(0)) == Character.UnicodeScript.ARABIC;
      return new Phrase(folded, arabicScript, prefix);
    }

    /** Whether {@code padded} (folded, with a space at each end) holds this phrase. */
    boolean in(String padded) {
      if (anywhere) {
        return padded.contains(folded);
      }
      return padded.contains(" " + folded + (prefix ? "" : " "));
    }
  }

  /** Whether the text holds one of the phrases, outside a studied or organised topic. */
  static boolean signals(String text) {
    String padded = " " + fold(text) + " ";
    if (FOLDED_PHRASES.stream().noneMatch(phrase -> phrase.in(padded))) {
      return false;
    }
    return FOLDED_PROFESSIONAL.stream().noneMatch(word -> padded.contains(" " + word));
  }

  /**
   * Lower case without accents or short vowels, one letter for each Arabic-script variant (alef
   * forms, yeh and alef maksura, heh and teh marbuta, keheh and kaf, hamza carriers), and single
   * spaces for any run of spaces and punctuation.
   */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('ł', 'l');
    StringBuilder out = new StringBuilder(lower.length());
    for (char c : lower.toCharArray()) {
      out.append(
          switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ی', 'ې', 'ئ' -> 'ي';
            case 'ة', 'ہ', 'ھ', 'ە' -> 'ه';
            case 'ک' -> 'ك';
            case 'ؤ' -> 'و';
            case 'ـ' -> ' ';
            default -> c;
          });
    }
    // NFD splits Polish accents and Arabic hamza and short vowels off their letters.
    String stripped = MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
    return SPACES.matcher(stripped).replaceAll(" ").strip();
  }
}
