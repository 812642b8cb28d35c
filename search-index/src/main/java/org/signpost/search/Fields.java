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
  static final String CATEGORY = "category";
  static final String NEED = "need";
  static final String LOCATION = "location";
  static final String STORED_POINT = "point";
  static final String ORG_ID = "org_id";
  static final String ORG_NAME = "org_name";
  static final String VERIFIED_AT = "verified_at";
  static final String NEXT_SESSION = "next_session";
  static final String DELIVERY = "delivery";
  static final String LANGUAGE = "language";
  static final String ACCESSIBILITY = "accessibility";
  static final String COST = "cost";
  static final String CRISIS = "crisis";

  private Fields() {}
}
