package org.signpost.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a listing is for, and who a searcher means: one lexicon applied to both, so "for older
 * people", "seniors" and "pensioners" all find the listing whose provider wrote "over 60s". Only
 * used as a ranking signal; the {@code age}, {@code women_only} and {@code men_only} filters stay
 * the way to insist. Stateless.
 */
final class Audiences {
  static final String OLDER = "older";
  static final String YOUNG = "young";
  static final String CHILDREN = "children";
  static final String WOMEN = "women";
  static final String MEN = "men";
  static final String VETERANS = "veterans";
  static final String CARERS = "carers";
  static final String PARENTS = "parents";
  static final String LGBT = "lgbt";
  static final String DISABLED = "disabled";

  private static final Map<String, Pattern> PHRASES = new LinkedHashMap<>();

  static {
    add(
        OLDER,
        "older (?:people|person|adults?|residents|citizens|men|women)",
        "elderly",
        "seniors?",
        "senior citizens?",
        "pensioners?",
        "retired",
        "retirees?",
        "over (?:50|55|60|65|70)s?",
        "later life",
        "old age",
        "ag(?:e)?ing",
        "grandparents?");
    add(
        YOUNG,
        "young (?:people|person|adults?|men|women)",
        "youths?",
        "teen(?:ager)?s?",
        "adolescents?",
        "youngsters?",
        "under 25s?",
        "16 ?(?:-|to) ?25");
    add(
        CHILDREN,
        "children",
        "child",
        "kids?",
        "toddlers?",
        "babies",
        "infants?",
        "under (?:5|five)s?",
        "pre ?school");
    add(WOMEN, "women", "woman", "ladies", "females?", "mothers?", "mums?", "moms?", "girls");
    add(MEN, "men", "males?", "gents", "fathers?", "dads?", "blokes", "lads");
    add(
        VETERANS,
        "veterans?",
        "ex ?(?:-|)?(?:forces|service|military|servicemen)",
        "armed forces",
        "military",
        "servicemen",
        "service members?");
    add(
        CARERS,
        "carers?",
        "care ?givers?",
        "caring for",
        "looking after (?:a|my|someone|your)",
        "respite");
    add(
        PARENTS,
        "parents?",
        "parenting",
        "mums?",
        "moms?",
        "dads?",
        "mothers?",
        "fathers?",
        "famil(?:y|ies)",
        "pregnan(?:t|cy)",
        "expectant",
        "new ?born",
        "toddlers?");
    add(
        LGBT,
        "lgbt\\w*",
        "gay",
        "lesbians?",
        "bisexual",
        "trans(?:gender)?",
        "queer",
        "non ?-?binary",
        "same sex");
    add(
        DISABLED,
        "disab(?:led|ility|ilities)",
        "wheelchair users?",
        "learning difficult(?:y|ies)",
        "handicapped",
        "blind",
        "deaf",
        "visually impaired",
        "hearing impaired",
        "special needs");
  }

  private Audiences() {}

  private static void add(String tag, String... phrases) {
    PHRASES.put(
        tag,
        Pattern.compile("\\b(?:" + String.join("|", phrases) + ")\\b", Pattern.CASE_INSENSITIVE));
  }

  /** The audiences named anywhere in the text. */
  static Set<String> in(String text) {
    Set<String> tags = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return tags;
    }
    String folded = text.toLowerCase(Locale.ROOT).replace('-', ' ');
    for (Map.Entry<String, Pattern> entry : PHRASES.entrySet()) {
      if (entry.getValue().matcher(folded).find()) {
        tags.add(entry.getKey());
      }
    }
    return tags;
  }

  /** The audiences of a listing: its own words, its vocabulary codes and its eligibility. */
  static Set<String> of(IndexedListing listing) {
    StringBuilder text = new StringBuilder();
    text.append(listing.name()).append('\n').append(listing.summary()).append('\n');
    IndexedListing.Extras extras = listing.extras();
    if (extras.alternateName() != null) {
      text.append(extras.alternateName()).append('\n');
    }
    if (extras.whoFor() != null) {
      text.append(extras.whoFor()).append('\n');
    }
    extras.keywords().forEach(k -> text.append(k).append('\n'));
    for (String code : concat(listing.categories(), listing.needs())) {
      text.append(code.replace('_', ' ')).append('\n');
    }
    Set<String> tags = in(text.toString());
    if (listing.womenOnly()) {
      tags.add(WOMEN);
    }
    if (listing.menOnly()) {
      tags.add(MEN);
    }
    if (listing.minimumAge() != null && listing.minimumAge() >= 50) {
      tags.add(OLDER);
    }
    if (listing.maximumAge() != null && listing.maximumAge() <= 12) {
      tags.add(CHILDREN);
    } else if (listing.maximumAge() != null && listing.maximumAge() <= 25) {
      tags.add(YOUNG);
    }
    return tags;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
