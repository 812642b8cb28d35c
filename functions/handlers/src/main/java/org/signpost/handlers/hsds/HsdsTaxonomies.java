package org.signpost.handlers.hsds;

import java.util.ArrayList;
import java.util.List;
import org.signpost.core.listing.Vocabulary;

/**
 * The taxonomies Signpost publishes in HSDS: the needs and categories vocabularies, and the profile
 * terms that carry the social-prescribing extras as service attributes (docs/hsds-profile.md).
 */
public final class HsdsTaxonomies {
  public static final String NEEDS = "signpost-needs";
  public static final String CATEGORIES = "signpost-categories";
  public static final String PROFILE = "signpost-profile";

  /** Profile terms whose presence is a flag (no value). */
  static final List<String> FLAGS = List.of("crisis", "open_24_7", "women_only", "men_only");

  /** Profile terms that take one term per vocabulary value, such as {@code delivery:online}. */
  static final List<String> MULTI =
      List.of("kind", "delivery", "accessibility", "capacity", "referral_route");

  /** Profile terms whose attribute carries free text in {@code value}. */
  static final List<String> TEXT = List.of("summary", "closure", "keyword");

  /** One term of a taxonomy. */
  public record Term(String id, String taxonomyId, String code, String name, String description) {}

  /** One taxonomy. */
  public record Taxonomy(String id, String name, String description, String version) {}

  public static final List<Taxonomy> ALL =
      List.of(
          new Taxonomy(NEEDS, "Signpost needs", "Why a person is referred: the need served.", "1"),
          new Taxonomy(
              CATEGORIES, "Signpost categories", "What kind of activity or service it is.", "1"),
          new Taxonomy(
              PROFILE,
              "Signpost profile",
              "Social-prescribing extras carried as service attributes.",
              "1"));

  private static final java.util.Map<String, Term> BY_ID =
      terms().stream()
          .collect(java.util.stream.Collectors.toUnmodifiableMap(Term::id, term -> term));

  private static final java.util.Map<String, Term> BY_UUID =
      terms().stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  term -> HsdsIds.term(term.id()), term -> term));

  private HsdsTaxonomies() {}

  /** The term whose exported UUID this is. */
  public static java.util.Optional<Term> findByUuid(String uuid) {
    return java.util.Optional.ofNullable(BY_UUID.get(uuid.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The term with this exported UUID or internal id such as {@code need:loneliness}. */
  public static java.util.Optional<Term> findAny(String id) {
    return HsdsIds.isUuid(id) ? findByUuid(id) : find(id);
  }

  /** The taxonomy with this exported UUID or internal id. */
  public static java.util.Optional<Taxonomy> taxonomy(String id) {
    return ALL.stream()
        .filter(t -> t.id().equals(id) || HsdsIds.taxonomy(t.id()).equalsIgnoreCase(id))
        .findFirst();
  }

  static java.util.Optional<Term> find(String termId) {
    return java.util.Optional.ofNullable(BY_ID.get(termId));
  }

  static String needTerm(String need) {
    return "need:" + need;
  }

  static String categoryTerm(String category) {
    return "category:" + category;
  }

  static String profileTerm(String name, String value) {
    return value == null ? "profile:" + name : "profile:" + name + ":" + value;
  }

  /** Every term of every taxonomy, in a stable order. */
  public static List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    for (String need : Vocabulary.NEEDS) {
      terms.add(new Term(needTerm(need), NEEDS, need, label(need), null));
    }
    for (String category : Vocabulary.CATEGORIES.stream().sorted().toList()) {
      terms.add(new Term(categoryTerm(category), CATEGORIES, category, label(category), null));
    }
    for (String flag : FLAGS) {
      terms.add(new Term(profileTerm(flag, null), PROFILE, flag, label(flag), null));
    }
    addAll(terms, "kind", Vocabulary.KINDS);
    addAll(terms, "delivery", Vocabulary.DELIVERY);
    addAll(terms, "accessibility", Vocabulary.ACCESSIBILITY);
    addAll(terms, "capacity", Vocabulary.CAPACITY);
    addAll(terms, "referral_route", Vocabulary.REFERRAL_ROUTES);
    for (String text : TEXT) {
      terms.add(new Term(profileTerm(text, null), PROFILE, text, label(text), "text in value"));
    }
    return List.copyOf(terms);
  }

  private static void addAll(List<Term> terms, String name, java.util.Set<String> values) {
    for (String value : values.stream().sorted().toList()) {
      terms.add(
          new Term(profileTerm(name, value), PROFILE, name + ":" + value, label(value), null));
    }
  }

  static String label(String code) {
    String spaced = code.replace('_', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
