package org.signpost.search;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Spells British words the American way, in the index and in queries alike, so "neighbourhood
 * programme" and "neighborhood program" are the same words to search. General rules (-our, -ise,
 * -yse, -tre, -logue, ae/oe in medical words) with the exceptions that break them, plus a short
 * list of words that differ outright. Runs on lower-cased, folded tokens before stemming.
 */
final class SpellingVariants extends TokenFilter {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("mum", "mom"),
          Map.entry("mums", "moms"),
          Map.entry("mummy", "mommy"),
          Map.entry("mummies", "mommies"),
          Map.entry("licence", "license"),
          Map.entry("licences", "licenses"),
          Map.entry("defence", "defense"),
          Map.entry("offence", "offense"),
          Map.entry("offences", "offenses"),
          Map.entry("pretence", "pretense"),
          Map.entry("practise", "practice"),
          Map.entry("practising", "practicing"),
          Map.entry("practised", "practiced"),
          Map.entry("grey", "gray"),
          Map.entry("cheque", "check"),
          Map.entry("cheques", "checks"),
          Map.entry("tyre", "tire"),
          Map.entry("tyres", "tires"),
          Map.entry("fibre", "fiber"),
          Map.entry("sombre", "somber"),
          Map.entry("calibre", "caliber"),
          Map.entry("jewellery", "jewelry"),
          Map.entry("aluminium", "aluminum"),
          Map.entry("programme", "program"),
          Map.entry("programmes", "programs"),
          Map.entry("enrol", "enroll"),
          Map.entry("enrolment", "enrollment"),
          Map.entry("fulfil", "fulfill"),
          Map.entry("diarrhoea", "diarrhea"),
          Map.entry("manoeuvre", "maneuver"),
          Map.entry("ageing", "aging"),
          Map.entry("pyjamas", "pajamas"),
          Map.entry("plough", "plow"),
          Map.entry("draught", "draft"),
          Map.entry("storey", "story"),
          Map.entry("sceptical", "skeptical"),
          Map.entry("kerb", "curb"),
          Map.entry("whilst", "while"),
          Map.entry("amongst", "among"));

  /** -our words that are not British spellings of -or words. */
  private static final Set<String> OUR_KEEP =
      Set.copyOf(
          java.util.Arrays.asList(
              "contour",
              "detour",
              "devour",
              "paramour",
              "troubadour",
              "glamour",
              "velour",
              "amour"));

  /** -ise words that are never spelt -ize. */
  private static final Set<String> ISE_KEEP =
      Set.copyOf(
          java.util.Arrays.asList(
              "advise",
              "exercise",
              "supervise",
              "revise",
              "promise",
              "surprise",
              "otherwise",
              "expertise",
              "enterprise",
              "merchandise",
              "compromise",
              "premise",
              "televise",
              "improvise",
              "disguise",
              "despise",
              "devise",
              "comprise",
              "franchise",
              "noise",
              "raise",
              "praise",
              "arise",
              "cruise",
              "bruise",
              "poise",
              "precise",
              "concise",
              "demise",
              "excise",
              "chastise",
              "treatise",
              "paradise",
              "circumcise",
              "reprise",
              "apprise",
              "incise",
              "clockwise",
              "likewise",
              "anticlockwise",
              "turquoise",
              "tortoise",
              "porpoise",
              "mortise",
              "upraise",
              "appraise",
              "valise",
              "remise",
              "sunrise",
              "advertise"));

  /** Endings of -ise words that are spelt the same in America (advise, exercise, surprise...). */
  private static final Pattern ISE_ENDINGS =
      Pattern.compile("(vise|cise|prise|wise|guise|chise|dise)$");

  private static final Pattern OUR =
      Pattern.compile("^(\\p{L}{3,})our(s|ed|ing|ite|ites|able|ably|ful|hood|hoods|er|ers|less)?$");
  private static final Pattern ISE =
      Pattern.compile("^(\\p{L}{3,}[^aeiouy\\s])is(e|es|ed|ing|er|ers|ation|ations)$");
  private static final Pattern YSE = Pattern.compile("^(\\p{L}*l)ys(e|es|ed|ing)$");
  private static final Pattern TRE = Pattern.compile("^(\\p{L}{2,})tre(s|d)?$");
  private static final Pattern LOGUE = Pattern.compile("^(\\p{L}+)logue(s)?$");
  private static final Pattern MEDICAL =
      Pattern.compile("(paed|haem|anaem|aemia|gynaec|anaesth|oestr|oedem|foet|oesoph|leukaem)");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  SpellingVariants(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      String word = term.toString();
      String american = american(word);
      if (!american.equals(word)) {
        term.setEmpty().append(american);
      }
    }
    return true;
  }

  /** Words already respelled: the rules are regular expressions, and every search runs them. */
  private static final Map<String, String> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  /** Bounds {@link #KNOWN}; a directory's vocabulary is far smaller, so it rarely fills. */
  private static final int KNOWN_LIMIT = 100_000;

  /** The American spelling of a lower-case word, or the word itself. */
  static String american(String word) {
    String known = KNOWN.get(word);
    if (known != null) {
      return known;
    }
    String american = respell(word);
    if (KNOWN.size() >= KNOWN_LIMIT) {
      KNOWN.clear();
    }
    KNOWN.put(word, american);
    return american;
  }

  private static String respell(String word) {
    String listed = WORDS.get(word);
    if (listed != null) {
      return listed;
    }
    if (word.length() < 5) {
      return word;
    }
    Matcher m = OUR.matcher(word);
    if (m.matches() && !OUR_KEEP.contains(m.group(1) + "our")) {
      return m.group(1) + "or" + (m.group(2) == null ? "" : m.group(2));
    }
    m = ISE.matcher(word);
    if (m.matches()
        && !ISE_KEEP.contains(m.group(1) + "ise")
        && !ISE_ENDINGS.matcher(m.group(1) + "ise").find()) {
      return m.group(1) + "iz" + m.group(2);
    }
    m = YSE.matcher(word);
    if (m.matches()) {
      return m.group(1) + "yz" + m.group(2);
    }
    m = TRE.matcher(word);
    if (m.matches()) {
      return m.group(1) + "ter" + (m.group(2) == null ? "" : m.group(2));
    }
    m = LOGUE.matcher(word);
    if (m.matches()) {
      return m.group(1) + "log" + (m.group(2) == null ? "" : m.group(2));
    }
    m = MEDICAL.matcher(word);
    if (m.find()) {
      return word.replace("ae", "e").replace("oe", "e");
    }
    return word;
  }
}
