package org.signpost.search;

/** Lucene field names, declared once. */
final class Fields {
  static final String ID = "id";
  static final String ID_SORT = "id_sort";
  static final String VERSION = "version";
  static final String KIND = "kind";
  static final String NAME = "name";
  static final String SUMMARY = "summary";
  static final String DESCRIPTION = "description";

  /**
   * Every searchable text field in one, each repeated by its weight: BM25F by construction (see
   * {@link ListingDocuments#TEXT_WEIGHTS}).
   */
  static final String TEXT = "text";

  static final String SPELL = "spell";
  static final String CATEGORY = "category";
  static final String NEED = "need";
  static final String DIRECT_NEED = "need_direct";
  static final String LOCATION = "location";
  static final String STORED_POINT = "point";
  static final String ORG_ID = "org_id";
  static final String ORG_NAME = "org_name";
  static final String VERIFIED_AT = "verified_at";
  static final String VERIFIED_DAY = "verified_day";
  static final String NEXT_SESSION = "next_session";
  static final String DELIVERY = "delivery";
  static final String LANGUAGE = "language";
  static final String ACCESSIBILITY = "accessibility";
  static final String COST = "cost";
  static final String CRISIS = "crisis";
  static final String OPEN_24_7 = "open_24_7";
  static final String MIN_AGE = "min_age";
  static final String MAX_AGE = "max_age";
  static final String WOMEN_ONLY = "women_only";
  static final String MEN_ONLY = "men_only";
  static final String DAY = "day";
  static final String SLOT = "slot";
  static final String CLOSED = "closed";
  static final String ALT_NAME = "alt_name";
  static final String KEYWORDS = "keywords";
  static final String WHO_FOR = "who_for";
  static final String LANGUAGE_TEXT = "language_text";
  static final String ACCESS_TEXT = "access_text";
  static final String PLACE = "place";
  static final String AUDIENCE = "audience";
  static final String VECTOR = "vector";

  /** Fields counted as facets, in the order the response lists them. */
  static final java.util.List<String> FACETS =
      java.util.List.of(CATEGORY, NEED, COST, LANGUAGE, ACCESSIBILITY, DELIVERY, DAY, KIND);

  private Fields() {}
}
