package org.signpost.core.crisis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One distress concept as a pattern over normalised text; a veto word in the same clause, a
 * negation just before, or (for the word suicide) a bereavement, switches it off. Immutable.
 */
record DistressRule(
    Pattern pattern,
    FirstWords firstWords,
    Pattern veto,
    boolean negationAware,
    boolean bereavementAware) {

  private static final String BEREAVED =
      "bereavement|bereaved|loss|survivor|survivors|postvention|memorial|lost|losing|died"
          + "|passed|grief|grieving|widow|widowed";

  private static final Pattern BEREAVEMENT = Pattern.compile("\\b(?:" + BEREAVED + ")\\b");

  private static final Pattern OWN_FEELINGS =
      Pattern.compile("\\b(?:i am|i feel|feeling|i want|thoughts|thinking)\\b");

  private static final Pattern NEGATION =
      Pattern.compile("\\b(?:not|never|dont|didnt|wouldnt|wont|isnt|arent|wasnt|no|without)\\b");

  static DistressRule of(Pattern pattern, boolean negationAware) {
    return new DistressRule(pattern, FirstWords.of(pattern.pattern()), null, negationAware, false);
  }

  DistressRule unless(String words) {
    return new DistressRule(
        pattern,
        firstWords,
        Pattern.compile("\\b(?:" + words + ")\\b"),
        negationAware,
        bereavementAware);
  }

  DistressRule unlessBereaved() {
    return new DistressRule(pattern, firstWords, veto, negationAware, true);
  }

  DistressRule negatable() {
    return new DistressRule(pattern, firstWords, veto, true, bereavementAware);
  }

  /**
   * Whether the rule fires in the text. When the rule's possible first words are known, it is tried
   * only where one of them starts, which keeps a long text cheap.
   */
  boolean firesIn(String text, Map<String, List<Integer>> wordStarts) {
    Matcher m = pattern.matcher(text);
    if (firstWords == null) {
      while (m.find()) {
        if (allowed(text, m.start(), m.end())) {
          return true;
        }
      }
      return false;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (Map.Entry<String, List<Integer>> word : wordStarts.entrySet()) {
      if (!firstWords.opens(word.getKey())) {
        continue;
      }
      for (int start : word.getValue()) {
        if (m.region(start, text.length()).lookingAt() && allowed(text, m.start(), m.end())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean allowed(String text, int start, int end) {
    int clauseStart = text.lastIndexOf(CrisisText.BREAK, start) + 1;
    int clauseEnd = text.indexOf(CrisisText.BREAK, end);
    String clause = text.substring(clauseStart, clauseEnd < 0 ? text.length() : clauseEnd);
    if (veto != null && veto.matcher(clause).find()) {
      return false;
    }
    if (negationAware && negatedJustBefore(text.substring(clauseStart, start))) {
      return false;
    }
    return !(bereavementAware && aboutSomeoneElsesDeath(clause));
  }

  // "I'm not suicidal", "I would never kill myself": the last three words before the match.
  private static boolean negatedJustBefore(String before) {
    String[] words = before.strip().split(" ");
    int from = Math.max(0, words.length - 3);
    return NEGATION.matcher(String.join(" ", Arrays.copyOfRange(words, from, words.length))).find();
  }

  // "lost my brother to suicide", "my dad died by suicide", "suicide bereavement group".
  private static boolean aboutSomeoneElsesDeath(String clause) {
    return BEREAVEMENT.matcher(clause).find() && !OWN_FEELINGS.matcher(clause).find();
  }
}
