package org.signpost.core.crisis;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One distress concept as a pattern over normalised text; a veto word in the same clause, a
 * negation just before, or (for the word suicide) a bereavement, switches it off. Immutable.
 */
record DistressRule(
    Pattern pattern, Pattern veto, boolean negationAware, boolean bereavementAware) {

  private static final String BEREAVED =
      "bereavement|bereaved|loss|survivor|survivors|postvention|memorial|lost|losing|died"
          + "|passed|grief|grieving|widow|widowed";

  private static final Pattern BEREAVEMENT = Pattern.compile("\\b(?:" + BEREAVED + ")\\b");

  private static final Pattern OWN_FEELINGS =
      Pattern.compile("\\b(?:i am|i feel|feeling|i want|thoughts|thinking)\\b");

  private static final Pattern NEGATION =
      Pattern.compile("\\b(?:not|never|dont|didnt|wouldnt|wont|isnt|arent|wasnt|no|without)\\b");

  static DistressRule of(Pattern pattern, boolean negationAware) {
    return new DistressRule(pattern, null, negationAware, false);
  }

  DistressRule unless(String words) {
    return new DistressRule(
        pattern, Pattern.compile("\\b(?:" + words + ")\\b"), negationAware, bereavementAware);
  }

  DistressRule unlessBereaved() {
    return new DistressRule(pattern, veto, negationAware, true);
  }

  DistressRule negatable() {
    return new DistressRule(pattern, veto, true, bereavementAware);
  }

  boolean firesIn(String text) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int clauseStart = text.lastIndexOf(CrisisText.BREAK, m.start()) + 1;
      int clauseEnd = text.indexOf(CrisisText.BREAK, m.end());
      String clause = text.substring(clauseStart, clauseEnd < 0 ? text.length() : clauseEnd);
      if (veto != null && veto.matcher(clause).find()) {
        continue;
      }
      if (negationAware && negatedJustBefore(text.substring(clauseStart, m.start()))) {
        continue;
      }
      if (bereavementAware && aboutSomeoneElsesDeath(clause)) {
        continue;
      }
      return true;
    }
    return false;
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
