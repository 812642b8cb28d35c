package org.signpost.core.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites free text into lower-case words in one spelling, so the distress rules see "i am going
 * to kill myself" whether someone typed that, "im gonna kms" or "i'm gunna kill my slef". Clauses
 * are separated by " | ". Stateless; thread-safe.
 */
final class CrisisText {

  /** The clause separator in normalised text; never matched by {@code \w}. */
  static final String BREAK = "|";

  private static final Pattern OD_PAST = Pattern.compile("(?i)\\bod['’]?(?:d|ed)\\b");
  private static final Pattern OD_ING = Pattern.compile("(?i)\\bod['’]?ing\\b");

  // Padding words carry no meaning for the rules, and dropping them keeps the patterns short.
  private static final Set<String> FILLERS =
      Set.of(
          "just",
          "really",
          "so",
          "literally",
          "actually",
          "honestly",
          "truly",
          "seriously",
          "genuinely",
          "kinda",
          "even",
          "fucking",
          "fking",
          "fkin",
          "effing",
          "bloody",
          "proper",
          "totally",
          "very",
          "fr",
          "ngl",
          "tbh",
          "innit",
          "lol",
          "lmao",
          "tho",
          "though",
          "um",
          "uh",
          "basically",
          "pretty",
          "quite",
          "sooo",
          "soo",
          "rly",
          "srsly",
          "deffo",
          "defo",
          "simply",
          "now",
          "rn");

  private static final Map<String, String> SPELLINGS =
      Map.ofEntries(
          Map.entry("kms", "kill myself"),
          Map.entry("kys", "kill yourself"),
          Map.entry("kmsl", "laughing"),
          Map.entry("unalived", "killed"),
          Map.entry("unaliving", "killing"),
          Map.entry("unalives", "kills"),
          Map.entry("sewerslide", "suicide"),
          Map.entry("wanna", "want to"),
          Map.entry("wana", "want to"),
          Map.entry("wnt", "want"),
          Map.entry("wnat", "want"),
          Map.entry("wamt", "want"),
          Map.entry("gonna", "going to"),
          Map.entry("gunna", "going to"),
          Map.entry("gna", "going to"),
          Map.entry("goin", "going"),
          Map.entry("im", "i am"),
          Map.entry("ive", "i have"),
          Map.entry("id", "i would"),
          Map.entry("ill", "i will"),
          Map.entry("hes", "he is"),
          Map.entry("shes", "she is"),
          Map.entry("hell", "he will"),
          Map.entry("shell", "she will"),
          Map.entry("hed", "he would"),
          Map.entry("theyll", "they will"),
          Map.entry("theyd", "they would"),
          Map.entry("theyre", "they are"),
          Map.entry("youd", "you would"),
          Map.entry("wed", "we would"),
          Map.entry("its", "it is"),
          Map.entry("thats", "that is"),
          Map.entry("theres", "there is"),
          Map.entry("whats", "what is"),
          Map.entry("lifes", "life is"),
          Map.entry("dnt", "dont"),
          Map.entry("doint", "dont"),
          Map.entry("dotn", "dont"),
          Map.entry("cnt", "cant"),
          Map.entry("carnt", "cant"),
          Map.entry("cnat", "cant"),
          Map.entry("cannot", "cant"),
          Map.entry("cba", "cant be bothered"),
          Map.entry("arsed", "bothered"),
          Map.entry("u", "you"),
          Map.entry("ur", "your"),
          Map.entry("r", "are"),
          Map.entry("b", "be"),
          Map.entry("2", "to"),
          Map.entry("4", "for"),
          Map.entry("n", "and"),
          Map.entry("wiv", "with"),
          Map.entry("wif", "with"),
          Map.entry("nuffin", "nothing"),
          Map.entry("nothin", "nothing"),
          Map.entry("nuthin", "nothing"),
          Map.entry("sum1", "someone"),
          Map.entry("no1", "no one"),
          Map.entry("noone", "no one"),
          Map.entry("nobody", "no one"),
          Map.entry("every1", "everyone"),
          Map.entry("everybody", "everyone"),
          Map.entry("ppl", "people"),
          Map.entry("cos", "because"),
          Map.entry("coz", "because"),
          Map.entry("cuz", "because"),
          Map.entry("tmrw", "tomorrow"),
          Map.entry("tmr", "tomorrow"),
          Map.entry("2moro", "tomorrow"),
          Map.entry("tomoz", "tomorrow"),
          Map.entry("2nite", "tonight"),
          Map.entry("tonite", "tonight"),
          Map.entry("bf", "boyfriend"),
          Map.entry("gf", "girlfriend"),
          Map.entry("hubby", "husband"),
          Map.entry("mom", "mum"),
          Map.entry("mam", "mum"),
          Map.entry("lyf", "life"),
          Map.entry("lfe", "life"),
          Map.entry("lif", "life"),
          Map.entry("liefe", "life"),
          Map.entry("liv", "live"),
          Map.entry("ded", "dead"),
          Map.entry("di", "die"),
          Map.entry("dei", "die"),
          Map.entry("diee", "die"),
          Map.entry("dy", "die"),
          Map.entry("kil", "kill"),
          Map.entry("kll", "kill"),
          Map.entry("klil", "kill"),
          Map.entry("kiil", "kill"),
          Map.entry("kiling", "killing"),
          Map.entry("killin", "killing"),
          Map.entry("slef", "self"),
          Map.entry("sef", "self"),
          Map.entry("selff", "self"),
          Map.entry("harn", "harm"),
          Map.entry("hram", "harm"),
          Map.entry("harme", "harm"),
          Map.entry("harmin", "harming"),
          Map.entry("hrt", "hurt"),
          Map.entry("hert", "hurt"),
          Map.entry("cuting", "cutting"),
          Map.entry("cutt", "cut"),
          Map.entry("meself", "myself"),
          Map.entry("feelin", "feeling"),
          Map.entry("od", "overdose"),
          Map.entry("ods", "overdoses"),
          Map.entry("tabs", "tablets"),
          Map.entry("paracetemol", "paracetamol"),
          Map.entry("anymore", "anymore"),
          Map.entry("nomore", "anymore"));

  // Two-word spellings that become one word, checked before the single-word table.
  private static final Map<String, String> JOINED =
      Map.ofEntries(
          Map.entry("can not", "cant"),
          Map.entry("can t", "cant"),
          Map.entry("don t", "dont"),
          Map.entry("do not", "dont"),
          Map.entry("does not", "doesnt"),
          Map.entry("will not", "wont"),
          Map.entry("my self", "myself"),
          Map.entry("him self", "himself"),
          Map.entry("her self", "herself"),
          Map.entry("them selves", "themselves"),
          Map.entry("any more", "anymore"),
          Map.entry("no more", "anymore"),
          Map.entry("any longer", "anymore"),
          Map.entry("no longer", "nolonger"),
          Map.entry("no one", "no one"),
          Map.entry("self harm", "selfharm"),
          Map.entry("self harming", "selfharming"),
          Map.entry("self harmed", "selfharmed"),
          Map.entry("self harms", "selfharms"),
          Map.entry("sewer slide", "suicide"),
          Map.entry("no body", "no one"));

  // Typos of these words are common in distress and rarely another real word; each is reached
  // by edit distance, with the first letter kept.
  private static final List<String> FUZZY_TARGETS =
      List.of(
          "suicide",
          "suicidal",
          "myself",
          "himself",
          "herself",
          "themselves",
          "overdose",
          "overdosed",
          "paracetamol",
          "burden",
          "hopeless",
          "goodbyes",
          "selfharm",
          "selfharming",
          "harming",
          "strangled",
          "threatened",
          "stockpiling",
          "anymore");

  // Real words that sit one typo away from a target and must stay as they are.
  private static final Set<String> REAL_WORDS =
      Set.of(
          "subside",
          "suited",
          "tables",
          "hopeful",
          "harmony",
          "herself",
          "himself",
          "myself",
          "burdens",
          "harmed",
          "suicides",
          "mystery",
          "overdone",
          "overdue",
          "strangler",
          "selfish",
          "shelves",
          "goodbye",
          "overdoses",
          "harmful",
          "burdened",
          "suicided",
          "threaten",
          "anyone",
          "stocking");

  // After these, "too" is the infinitive marker typed with an extra letter.
  private static final Set<String> BEFORE_TO =
      Set.of("want", "wants", "going", "need", "trying", "ready", "about", "decided", "wish");

  // "dye" is only "die" when nothing is being dyed.
  private static final Set<String> DYE_OBJECTS_ABSENT =
      Set.of("anymore", "tonight", "soon", "already", "because", "and", "but", "please", "today");

  private CrisisText() {}

  /** Normalised words, clause breaks as {@link #BREAK}, single spaces, no leading space. */
  static String normalise(String text) {
    String expanded =
        OD_ING.matcher(OD_PAST.matcher(text).replaceAll(" overdosed ")).replaceAll(" overdosing ");
    List<String> spelled = new ArrayList<>();
    for (String word : rawWords(expanded)) {
      String respelled = SPELLINGS.get(word);
      if (respelled == null) {
        spelled.add(word);
      } else {
        spelled.addAll(List.of(respelled.split(" ")));
      }
    }
    List<String> joined = join(spelled);
    List<String> out = new ArrayList<>(joined.size() + 8);
    for (int i = 0; i < joined.size(); i++) {
      String word = joined.get(i);
      String previous = out.isEmpty() ? "" : out.getLast();
      String next = i + 1 < joined.size() ? joined.get(i + 1) : BREAK;
      if (FILLERS.contains(word)) {
        continue;
      }
      if ("too".equals(word) && BEFORE_TO.contains(previous)) {
        out.add("to");
        continue;
      }
      // "I want to unalive" has no object: it means dying, where "unalive myself" means killing.
      if ("unalive".equals(word)) {
        out.add(next.endsWith("self") || next.endsWith("selves") ? "kill" : "die");
        continue;
      }
      if ("dye".equals(word) && (BREAK.equals(next) || DYE_OBJECTS_ABSENT.contains(next))) {
        out.add("die");
        continue;
      }
      out.add(corrected(word));
    }
    return String.join(" ", out);
  }

  private static String corrected(String word) {
    if (word.length() < 5 || REAL_WORDS.contains(word) || FUZZY_TARGETS.contains(word)) {
      return word;
    }
    int allowed = word.length() >= 8 ? 2 : 1;
    for (String target : FUZZY_TARGETS) {
      if (target.charAt(0) == word.charAt(0) && EditDistance.within(word, target, allowed)) {
        return target;
      }
    }
    return word;
  }

  private static List<String> join(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      if (i + 1 < words.size()) {
        String pair = JOINED.get(words.get(i) + " " + words.get(i + 1));
        if (pair != null) {
          for (String part : pair.split(" ")) {
            out.add(part);
          }
          i++;
          continue;
        }
      }
      out.add(words.get(i));
    }
    return out;
  }

  /** Lower-case letter-and-digit runs, with apostrophes dropped and clause breaks kept. */
  private static List<String> rawWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isApostrophe(c)) {
        continue; // "can't", "can’t" and "cant" must all look the same
      }
      if (Character.isLetterOrDigit(c)) {
        char lower = Character.toLowerCase(c);
        int n = current.length();
        // "soooo suicidaaaal" keeps two letters so the typo tolerance can still reach it.
        if (n >= 2 && current.charAt(n - 1) == lower && current.charAt(n - 2) == lower) {
          continue;
        }
        current.append(lower);
        continue;
      }
      flush(current, words);
      if (isClauseBreak(text, i) && !words.isEmpty() && !BREAK.equals(words.getLast())) {
        words.add(BREAK);
      }
    }
    flush(current, words);
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  private static void flush(StringBuilder current, List<String> words) {
    if (!current.isEmpty()) {
      words.add(current.toString());
      current.setLength(0);
    }
  }

  // An ellipsis is a pause inside one thought ("want... to... die"), not the end of a sentence.
  private static boolean isClauseBreak(String text, int i) {
    char c = text.charAt(i);
    if (c == '.') {
      boolean dotBefore = i > 0 && text.charAt(i - 1) == '.';
      boolean dotAfter = i + 1 < text.length() && text.charAt(i + 1) == '.';
      return !dotBefore && !dotAfter;
    }
    return c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r' || c == '•';
  }

  private static boolean isApostrophe(char c) {
    return c == '\''
        || c == '\u2019'
        || c == '\u2018'
        || c == '\u02BC'
        || c == '`'
        || c == '\u00B4'
        || c == '\u2032';
  }
}
