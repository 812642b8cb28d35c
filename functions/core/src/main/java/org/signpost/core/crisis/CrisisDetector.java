package org.signpost.core.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spots free text, such as a search query, in which someone seems to be in crisis or at risk. */
public final class CrisisDetector {

  // Search boxes never send anything near this long; bounding the work keeps an abusive request
  // from costing more than a fraction of a millisecond while still covering a 10 kB paste.
  private static final int MAX_CHARS = 20_000;

  // People pad what they type ("I just really want to...") and we must not lose the phrase.
  private static final Set<String> FILLERS =
      words(
          "just really so literally actually honestly truly seriously genuinely kinda like "
              + "even fucking fking fkin bloody");

  // Words that show a topic word is being used by a trainer, volunteer or researcher rather than
  // by someone describing how they feel.
  private static final Set<String> PROFESSIONAL_CONTEXT =
      words(
          "prevention preventing prevent awareness aware training trainings train trained "
              + "trainer trainers course courses workshop workshops webinar seminar conference "
              + "lecture module modules volunteer volunteers volunteering research researcher "
              + "statistics stats rates policy policies strategy strategies campaign alliance "
              + "safeguarding professional professionals practitioner practitioners staff "
              + "naloxone aid toolkit guidance guidelines qualification accredited");

  // Someone bereaved by suicide needs bereavement support, not a crisis line, so these words
  // near "suicide" switch the alarm off.
  private static final Set<String> BEREAVEMENT_CONTEXT =
      words("bereavement bereaved loss survivor survivors postvention memorial");

  private static final Set<String> LOSING_SOMEONE =
      words("lost losing lose loss bereaved died dying death deaths dead affected impacted");

  private static final Set<String> LINKS_TO_A_DEATH = Set.of("to", "by", "from", "through");

  private static final List<Phrase> PHRASES = buildPhrases();

  // Most words start no phrase at all, so looking phrases up by their first word keeps the cost
  // per word to one hash lookup plus the handful of typo-tolerant openings.
  private static final Map<String, List<Phrase>> BY_EXACT_FIRST_WORD = indexByExactFirstWord();
  private static final List<Phrase> FUZZY_OPENINGS =
      PHRASES.stream().filter(p -> p.slots().getFirst().isFuzzy()).toList();

  /** Creates a detector; it holds no per-call state, so one instance can be shared freely. */
  public CrisisDetector() {}

  /**
   * Returns true when the text reads like someone saying they want to die or harm themselves.
   *
   * @param text free text from a user; may be null
   * @return whether the text should trigger crisis signposting
   */
  public boolean signalsDistress(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    Tokens tokens = Tokens.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    for (int start = 0; start < tokens.size(); start++) {
      List<Phrase> exact = BY_EXACT_FIRST_WORD.getOrDefault(tokens.word(start), List.of());
      if (anyMatchAt(exact, tokens, start) || anyMatchAt(FUZZY_OPENINGS, tokens, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyMatchAt(List<Phrase> phrases, Tokens tokens, int start) {
    for (Phrase phrase : phrases) {
      int end = phrase.matchAt(tokens, start);
      if (end >= 0 && phrase.contextAllows(tokens, start, end)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  private static Map<String, List<Phrase>> indexByExactFirstWord() {
    Map<String, List<Phrase>> index = new HashMap<>();
    for (Phrase phrase : PHRASES) {
      Slot first = phrase.slots().getFirst();
      if (!first.isFuzzy()) {
        for (String word : first.exact()) {
          index.computeIfAbsent(word, w -> new ArrayList<>()).add(phrase);
        }
      }
    }
    index.replaceAll((word, phrases) -> List.copyOf(phrases));
    return Map.copyOf(index);
  }

  private static List<Phrase> buildPhrases() {
    Slot want = Slot.of("want wanna wnat wnt wamt");
    Slot to = Slot.of("to 2 too t").optional();
    Slot myself = Slot.of("myself meself mysef myslf").fuzzy(1, "myself");
    Slot life = Slot.of("life lfe lif lyf liefe");
    Slot live = Slot.of("live living liv");
    Slot dont = Slot.of("dont dnt doint dotn");
    Slot here = Slot.of("here hear");
    Slot harm = Slot.of("harm harms harmed harming harn harmin hram harme").fuzzy(1, "harming");
    Set<String> afterGoOn = Set.of("anymore", "any", "no", "like", "living", "with", "much");
    Set<String> afterNotWanting = Set.of("anymore", "any", "no", "like", "now");

    List<Phrase> phrases = new ArrayList<>();
    Slot suicide = Slot.of("suicide suicides").fuzzy(1, "suicide");
    phrases.add(Phrase.topic(Slot.of("suicidal").fuzzy(2, "suicidal").unless(suicide)));
    phrases.add(Phrase.topic(suicide).bereavementAware());
    phrases.add(
        Phrase.firstPerson(want, to, Slot.of("die dye di dei diee dy"))
            // "I want to dye my hair" is about hairdressing, not dying.
            .notFollowedBy(
                "my", "your", "his", "her", "their", "the", "a", "an", "some", "hair", "fabric",
                "wool", "yarn", "clothes", "cloth", "shirt", "tshirt", "eggs", "it", "them", "blue",
                "red", "black", "pink", "purple", "green", "blonde"));
    phrases.add(Phrase.firstPerson(want, to, Slot.of("be b"), Slot.of("dead ded")));
    phrases.add(
        Phrase.firstPerson(
            Slot.of("wish"), Slot.of("i"), Slot.of("was were wer"), Slot.of("dead ded")));
    phrases.add(Phrase.firstPerson(Slot.of("better"), Slot.of("off of"), Slot.of("dead ded")));
    phrases.add(
        Phrase.firstPerson(Slot.of("kill kil kll klil kiil killing kiling killin"), myself)
            .notFollowedBy("laughing", "laughin", "laffing"));
    phrases.add(Phrase.firstPerson(Slot.of("end ending nd edn"), Slot.of("my me mi"), life));
    phrases.add(
        Phrase.firstPerson(
            Slot.of("take taking tk"), Slot.of("my me mi"), Slot.of("own").optional(), life));
    phrases.add(Phrase.firstPerson(Slot.of("end ending"), Slot.of("it"), Slot.of("all")));
    phrases.add(
        Phrase.firstPerson(Slot.of("cant cannot cnt carnt cnat"), Slot.of("go goo"), Slot.of("on"))
            // Without this, "can't go on the trip" would count.
            .onlyFollowedBy(afterGoOn));
    phrases.add(Phrase.topic(Slot.of("self slef sef selff"), harm));
    // "my self harm" reaches here as "myself harm" because of the "my self" merge.
    phrases.add(Phrase.topic(Slot.of("myself"), harm));
    phrases.add(Phrase.topic(Slot.of("self slef"), Slot.of("injury injure injuring injured")));
    phrases.add(
        Phrase.topic(Slot.of("selfharm selfharms selfharmed selfharming").fuzzy(1, "selfharm")));
    phrases.add(Phrase.firstPerson(Slot.of("hurt hurting hurts hrt hert"), myself));
    phrases.add(Phrase.firstPerson(harm, myself));
    phrases.add(
        Phrase.firstPerson(Slot.of("cut cutting cuting cuts cutt"), myself)
            // "cutting myself off from people" is about isolation.
            .notFollowedBy("off", "a", "an", "some", "slack", "free", "short", "out", "in"));
    phrases.add(Phrase.firstPerson(Slot.of("no"), Slot.of("way wy"), Slot.of("out")));
    phrases.add(
        Phrase.firstPerson(
            Slot.of("no"), Slot.of("reason reasons reson raeson"), Slot.of("to"), live));
    phrases.add(Phrase.firstPerson(Slot.of("nothing nothin"), Slot.of("to"), live, Slot.of("for")));
    phrases.add(
        Phrase.topic(
            Slot.of(
                "overdose overdosed overdoses overdosing overdoze overdos ovrdose overdoce"
                    + " overdsoe overdosd")));
    phrases.add(
        Phrase.firstPerson(dont, want, to, Slot.of("be b"), here).onlyFollowedBy(afterNotWanting));
    phrases.add(
        Phrase.firstPerson(dont, want, to, Slot.of("live exist")).onlyFollowedBy(afterNotWanting));
    return List.copyOf(phrases);
  }

  /** Lowercased words of the input, with the clause each one sits in. */
  private record Tokens(String[] words, int[] clauses) {

    int size() {
      return words.length;
    }

    String word(int index) {
      return words[index];
    }

    boolean sameClause(int a, int b) {
      return clauses[a] == clauses[b];
    }

    static Tokens of(String text) {
      List<String> words = new ArrayList<>();
      List<Integer> clauses = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      int clause = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (isApostrophe(c)) {
          // "can't", "can’t" and "cant" must all look the same.
          continue;
        }
        if (Character.isLetterOrDigit(c)) {
          char lower = Character.toLowerCase(c);
          int n = current.length();
          // "soooo suicidaaaal" collapses to two letters so the fuzzy match can still reach it.
          if (n >= 2 && current.charAt(n - 1) == lower && current.charAt(n - 2) == lower) {
            continue;
          }
          current.append(lower);
          continue;
        }
        flush(current, words, clauses, clause);
        if (isClauseBreak(c) && !clauses.isEmpty() && clauses.getLast() == clause) {
          clause++;
        }
      }
      flush(current, words, clauses, clause);
      return mergeSplitWords(words, clauses);
    }

    private static void flush(
        StringBuilder current, List<String> words, List<Integer> clauses, int clause) {
      if (!current.isEmpty()) {
        words.add(current.toString());
        clauses.add(clause);
        current.setLength(0);
      }
    }

    // Stray spaces ("can not", "my self", "don t") would otherwise hide a phrase.
    private static Tokens mergeSplitWords(List<String> words, List<Integer> clauses) {
      List<String> merged = new ArrayList<>(words.size());
      List<Integer> mergedClauses = new ArrayList<>(words.size());
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        String next = i + 1 < words.size() ? words.get(i + 1) : null;
        String joined = next == null ? null : joinPair(word, next);
        merged.add(joined != null ? joined : word);
        mergedClauses.add(clauses.get(i));
        if (joined != null) {
          i++;
        }
      }
      String[] wordArray = merged.toArray(String[]::new);
      int[] clauseArray = mergedClauses.stream().mapToInt(Integer::intValue).toArray();
      return new Tokens(wordArray, clauseArray);
    }

    private static String joinPair(String word, String next) {
      return switch (word) {
        case "can" -> next.equals("not") ? "cannot" : next.equals("t") ? "cant" : null;
        case "don" -> next.equals("t") ? "dont" : null;
        case "do" -> next.equals("not") ? "dont" : null;
        case "my" -> next.equals("self") ? "myself" : null;
        case "any" -> next.equals("more") ? "anymore" : null;
        default -> null;
      };
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

    private static boolean isClauseBreak(char c) {
      return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n'
          || c == '\r';
    }
  }

  /** One position in a phrase: a set of accepted spellings, optionally with typo tolerance. */
  private record Slot(
      Set<String> exact,
      List<String> fuzzyTargets,
      int maxEdits,
      boolean isOptional,
      Slot givesWayTo) {

    static Slot of(String spaceSeparatedSpellings) {
      return new Slot(Set.of(spaceSeparatedSpellings.split(" ")), List.of(), 0, false, null);
    }

    Slot fuzzy(int edits, String... targets) {
      return new Slot(exact, List.of(targets), edits, isOptional, givesWayTo);
    }

    Slot optional() {
      return new Slot(exact, fuzzyTargets, maxEdits, true, givesWayTo);
    }

    // Two fuzzy slots can overlap ("suicide" is two edits from "suicidal"); the more specific
    // slot, with its own context rules, must win.
    boolean isFuzzy() {
      return !fuzzyTargets.isEmpty() || givesWayTo != null;
    }

    Slot unless(Slot other) {
      return new Slot(exact, fuzzyTargets, maxEdits, isOptional, other);
    }

    boolean matches(String word) {
      if (givesWayTo != null && givesWayTo.matches(word)) {
        return false;
      }
      if (exact.contains(word)) {
        return true;
      }
      for (String target : fuzzyTargets) {
        // Typos rarely hit the first letter, and insisting on it keeps "subside" away from
        // "suicide"-like matches.
        if (word.charAt(0) == target.charAt(0) && EditDistance.within(word, target, maxEdits)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A run of slots that together express distress, plus the context rules that veto it. */
  private record Phrase(
      List<Slot> slots,
      boolean isTopic,
      boolean isBereavementAware,
      Set<String> allowedNext,
      Set<String> forbiddenNext) {

    static Phrase firstPerson(Slot... slots) {
      return new Phrase(List.of(slots), false, false, null, Set.of());
    }

    // A topic word ("suicide", "self harm") is also used by trainers and services, so it is
    // checked against professional context; first-person phrasings never are.
    static Phrase topic(Slot... slots) {
      return new Phrase(List.of(slots), true, false, null, Set.of());
    }

    Phrase bereavementAware() {
      return new Phrase(slots, isTopic, true, allowedNext, forbiddenNext);
    }

    Phrase onlyFollowedBy(Set<String> words) {
      return new Phrase(slots, isTopic, isBereavementAware, words, forbiddenNext);
    }

    Phrase notFollowedBy(String... words) {
      return new Phrase(slots, isTopic, isBereavementAware, allowedNext, Set.of(words));
    }

    /** Returns the index just past the match, or -1. */
    int matchAt(Tokens tokens, int start) {
      if (!slots.getFirst().matches(tokens.word(start))) {
        return -1;
      }
      int pos = start + 1;
      for (int s = 1; s < slots.size(); s++) {
        Slot slot = slots.get(s);
        int probe = pos;
        while (probe < tokens.size()
            && probe - pos < 2
            && FILLERS.contains(tokens.word(probe))
            && !slot.matches(tokens.word(probe))) {
          probe++;
        }
        if (probe < tokens.size() && slot.matches(tokens.word(probe))) {
          pos = probe + 1;
        } else if (!slot.isOptional()) {
          return -1;
        }
      }
      return pos;
    }

    boolean contextAllows(Tokens tokens, int start, int end) {
      int last = end - 1;
      String next = end < tokens.size() && tokens.sameClause(last, end) ? tokens.word(end) : null;
      if (next != null && forbiddenNext.contains(next)) {
        return false;
      }
      if (allowedNext != null && next != null && !allowedNext.contains(next)) {
        return false;
      }
      if (!isTopic) {
        return true;
      }
      if (nearby(tokens, start, last, 3, 4, PROFESSIONAL_CONTEXT)) {
        return false;
      }
      return !(isBereavementAware && aboutSomeoneElsesDeath(tokens, start, last));
    }

    private static boolean aboutSomeoneElsesDeath(Tokens tokens, int start, int last) {
      if (nearby(tokens, start, last, 3, 3, BEREAVEMENT_CONTEXT)) {
        return true;
      }
      // "lost my brother to suicide", "my dad died by suicide"
      if (start == 0 || !LINKS_TO_A_DEATH.contains(tokens.word(start - 1))) {
        return false;
      }
      for (int i = start - 2; i >= Math.max(0, start - 6); i--) {
        if (!tokens.sameClause(i, start)) {
          break;
        }
        if (LOSING_SOMEONE.contains(tokens.word(i))) {
          return true;
        }
      }
      return false;
    }

    private static boolean nearby(
        Tokens tokens, int start, int last, int before, int after, Set<String> words) {
      int from = Math.max(0, start - before);
      int to = Math.min(tokens.size() - 1, last + after);
      for (int i = from; i <= to; i++) {
        if ((i < start || i > last)
            && tokens.sameClause(i, i < start ? start : last)
            && words.contains(tokens.word(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Bounded Damerau-Levenshtein (optimal string alignment) distance check. */
  private static final class EditDistance {

    private EditDistance() {}

    static boolean within(String a, String b, int max) {
      int la = a.length();
      int lb = b.length();
      if (Math.abs(la - lb) > max) {
        return false;
      }
      int[] twoBack = new int[lb + 1];
      int[] previous = new int[lb + 1];
      int[] current = new int[lb + 1];
      for (int j = 0; j <= lb; j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= la; i++) {
        current[0] = i;
        int rowMin = i;
        for (int j = 1; j <= lb; j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          int value =
              Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
          if (i > 1
              && j > 1
              && a.charAt(i - 1) == b.charAt(j - 2)
              && a.charAt(i - 2) == b.charAt(j - 1)) {
            value = Math.min(value, twoBack[j - 2] + 1);
          }
          current[j] = value;
          rowMin = Math.min(rowMin, value);
        }
        // Once every cell in a row is over budget, no later row can come back under it.
        if (rowMin > max) {
          return false;
        }
        int[] spare = twoBack;
        twoBack = previous;
        previous = current;
        current = spare;
      }
      return previous[lb] <= max;
    }
  }
}
