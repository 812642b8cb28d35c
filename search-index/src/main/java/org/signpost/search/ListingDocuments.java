package org.signpost.search;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.KnnByteVectorField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link IndexedListing} into a Lucene document. Sessions become two-dimensional ranges
 * (minute of the week × epoch day), so "on Tuesday mornings" and "open now" are both one range
 * query.
 */
final class ListingDocuments {
  static final int MINUTES_PER_DAY = 1440;
  static final int FIRST_DAY = 0;
  static final int LAST_DAY = 1_000_000;
  static final int MAX_AGE = 150;
  static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /**
   * How many times each text field is copied into {@link Fields#TEXT}: its weight, doubled so that
   * every weight is whole. A term's frequency and a listing's length in that one field are then the
   * weighted sums BM25F scores by, and {@link #SIMILARITY} doubles k1 on it so the doubling
   * cancels: the scores are exactly BM25F with weights name 3, other name 2, keywords 2, summary 2,
   * who it is for 1.5, languages 1.5, access 1, description 1, places 1. One field means one
   * posting list per word instead of nine, and one document length, so a word counts once however
   * many fields repeat it, and IDF is taken over listings, not fields.
   */
  static final Map<String, Integer> TEXT_WEIGHTS =
      Map.of(
          Fields.NAME, 6,
          Fields.ALT_NAME, 4,
          Fields.KEYWORDS, 4,
          Fields.SUMMARY, 4,
          Fields.WHO_FOR, 3,
          Fields.LANGUAGE_TEXT, 3,
          Fields.ACCESS_TEXT, 2,
          Fields.DESCRIPTION, 2,
          Fields.PLACE, 2);

  /**
   * BM25 (k1 1.2, b 0.75) everywhere; k1 doubled on the weighted text field, as explained above.
   */
  static final Similarity SIMILARITY =
      new PerFieldSimilarityWrapper() {
        private final Similarity plain = new BM25Similarity();
        private final Similarity weighted = new BM25Similarity(2 * 1.2f, 0.75f);

        @Override
        public Similarity get(String name) {
          return Fields.TEXT.equals(name) ? weighted : plain;
        }
      };

  private ListingDocuments() {}

  private static void text(Document doc, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    for (int i = TEXT_WEIGHTS.get(field); i > 0; i--) {
      doc.add(new TextField(Fields.TEXT, value, Field.Store.NO));
    }
  }

  static Document toDocument(IndexedListing listing) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, listing.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID_SORT, new BytesRef(listing.id())));
    doc.add(new NumericDocValuesField(Fields.VERSION, listing.version()));
    doc.add(new StoredField(Fields.KIND, listing.kind()));
    keywords(doc, Fields.KIND, List.of(listing.kind()));
    doc.add(new StoredField(Fields.NAME, listing.name()));
    doc.add(new StoredField(Fields.SUMMARY, listing.summary()));
    text(doc, Fields.NAME, listing.name());
    text(doc, Fields.SUMMARY, listing.summary());
    text(doc, Fields.DESCRIPTION, listing.description());
    doc.add(new Field(Fields.SPELL, spellingText(listing), SPELLING_TYPE));
    searchableExtras(doc, listing);
    keywords(doc, Fields.CATEGORY, listing.categories());
    keywords(doc, Fields.NEED, listing.needs());
    for (String need : listing.directNeeds()) {
      doc.add(new StoredField(Fields.DIRECT_NEED, need));
    }
    keywords(doc, Fields.DELIVERY, listing.delivery());
    keywords(doc, Fields.LANGUAGE, listing.languages());
    keywords(doc, Fields.ACCESSIBILITY, listing.accessibility());
    if (listing.costType() != null) {
      keywords(doc, Fields.COST, List.of(listing.costType()));
    }
    if (listing.crisis()) {
      doc.add(new StringField(Fields.CRISIS, "true", Field.Store.YES));
    }
    if (listing.womenOnly()) {
      doc.add(new StringField(Fields.WOMEN_ONLY, "true", Field.Store.NO));
    }
    if (listing.menOnly()) {
      doc.add(new StringField(Fields.MEN_ONLY, "true", Field.Store.NO));
    }
    doc.add(new IntPoint(Fields.MIN_AGE, listing.minimumAge() == null ? 0 : listing.minimumAge()));
    doc.add(
        new IntPoint(
            Fields.MAX_AGE, listing.maximumAge() == null ? MAX_AGE : listing.maximumAge()));
    for (GeoPoint point : listing.points()) {
      doc.add(new LatLonPoint(Fields.LOCATION, point.lat(), point.lon()));
      doc.add(new LatLonDocValuesField(Fields.LOCATION, point.lat(), point.lon()));
      doc.add(new StoredField(Fields.STORED_POINT + ".lat", point.lat()));
      doc.add(new StoredField(Fields.STORED_POINT + ".lon", point.lon()));
    }
    if (listing.organisationId() != null) {
      doc.add(new StringField(Fields.ORG_ID, listing.organisationId(), Field.Store.YES));
    }
    doc.add(new StoredField(Fields.ORG_NAME, listing.organisationName()));
    doc.add(new NumericDocValuesField(Fields.VERIFIED_DAY, verifiedDay(listing.verifiedAt())));
    if (listing.verifiedAt() != null) {
      doc.add(new StoredField(Fields.VERIFIED_AT, listing.verifiedAt()));
    }
    if (listing.nextSession() != null) {
      doc.add(new StoredField(Fields.NEXT_SESSION, listing.nextSession()));
      doc.add(new SortedDocValuesField(Fields.NEXT_SESSION, new BytesRef(listing.nextSession())));
    }
    sessions(doc, listing);
    return doc;
  }

  /** Which words exist, for typo matching: no positions or norms needed. */
  private static final FieldType SPELLING_TYPE = spellingType();

  private static FieldType spellingType() {
    FieldType type = new FieldType();
    type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /** Every word a listing is written in, so a misspelling can be matched to the right one. */
  static String spellingText(IndexedListing listing) {
    StringBuilder text = new StringBuilder(listing.name()).append('\n').append(listing.summary());
    IndexedListing.Extras extras = listing.extras();
    if (extras.alternateName() != null) {
      text.append('\n').append(extras.alternateName());
    }
    extras.keywords().forEach(k -> text.append('\n').append(k));
    if (extras.whoFor() != null) {
      text.append('\n').append(extras.whoFor());
    }
    return text.append('\n').append(listing.description()).toString();
  }

  /** Accessibility codes in the words people use for them. */
  private static final java.util.Map<String, String> ACCESS_WORDS =
      java.util.Map.of(
          "step_free", "step free wheelchair accessible",
          "accessible_toilet", "accessible toilet",
          "hearing_loop", "hearing loop deaf",
          "bsl", "british sign language bsl deaf",
          "quiet", "quiet calm space",
          "carer_free", "carers free");

  /**
   * The text beyond name, summary and description that people type: other names, keywords and
   * category labels, who it is for, languages by name, access needs and places.
   */
  private static void searchableExtras(Document doc, IndexedListing listing) {
    IndexedListing.Extras extras = listing.extras();
    if (extras.alternateName() != null) {
      text(doc, Fields.ALT_NAME, extras.alternateName());
    }
    StringBuilder keywords = new StringBuilder();
    extras.keywords().forEach(k -> keywords.append(k).append('\n'));
    listing.categories().forEach(c -> keywords.append(c.replace('_', ' ')).append('\n'));
    if (!keywords.isEmpty()) {
      text(doc, Fields.KEYWORDS, keywords.toString());
    }
    if (extras.whoFor() != null) {
      text(doc, Fields.WHO_FOR, extras.whoFor());
    }
    List<String> languageNames = LanguageNames.names(listing.languages());
    if (!languageNames.isEmpty()) {
      text(doc, Fields.LANGUAGE_TEXT, String.join(" ", languageNames));
    }
    StringBuilder access = new StringBuilder();
    listing
        .accessibility()
        .forEach(a -> access.append(ACCESS_WORDS.getOrDefault(a, a)).append(' '));
    if (!access.isEmpty()) {
      text(doc, Fields.ACCESS_TEXT, access.toString());
    }
    if (!extras.places().isEmpty()) {
      text(doc, Fields.PLACE, String.join("\n", extras.places()));
    }
    for (String audience : Audiences.of(listing)) {
      doc.add(new StringField(Fields.AUDIENCE, audience, Field.Store.NO));
    }
    if (extras.vector() != null) {
      doc.add(
          new KnnByteVectorField(Fields.VECTOR, extras.vector(), VectorSimilarityFunction.COSINE));
    }
  }

  private static void sessions(Document doc, IndexedListing listing) {
    Set<String> days = new LinkedHashSet<>();
    if (listing.open247()) {
      doc.add(new StringField(Fields.OPEN_24_7, "true", Field.Store.NO));
      days.addAll(DAY_NAMES);
    }
    int from = listing.validFrom() == null ? FIRST_DAY : (int) listing.validFrom().toEpochDay();
    int to = listing.validTo() == null ? LAST_DAY : (int) listing.validTo().toEpochDay();
    for (IndexedListing.WeeklySlot slot : listing.sessions()) {
      days.add(DAY_NAMES.get(slot.dayOfWeek() - 1));
      addSlot(doc, slot.dayOfWeek(), slot.startMinute(), slot.endMinute(), from, to);
    }
    for (IndexedListing.DatedSlot slot : listing.datedSessions()) {
      int dow = slot.date().getDayOfWeek().getValue();
      days.add(DAY_NAMES.get(dow - 1));
      int day = (int) slot.date().toEpochDay();
      addSlot(doc, dow, slot.startMinute(), slot.endMinute(), day, day);
    }
    for (IndexedListing.DateRange closure : listing.closures()) {
      doc.add(
          new IntRange(
              Fields.CLOSED,
              new int[] {(int) closure.from().toEpochDay()},
              new int[] {(int) Math.max(closure.from().toEpochDay(), closure.to().toEpochDay())}));
    }
    keywords(doc, Fields.DAY, List.copyOf(days));
  }

  /** End minutes are exclusive, so a session ending at 11:30 is not running at 11:30. */
  private static void addSlot(Document doc, int dow, int start, int end, int fromDay, int toDay) {
    int base = (dow - 1) * MINUTES_PER_DAY;
    doc.add(
        new IntRange(
            Fields.SLOT,
            new int[] {base + start, fromDay},
            new int[] {base + Math.max(start, end - 1), Math.max(fromDay, toDay)}));
  }

  static long verifiedDay(String verifiedAt) {
    if (verifiedAt == null || verifiedAt.length() < 10) {
      return Long.MIN_VALUE / 2;
    }
    try {
      return LocalDate.parse(verifiedAt.substring(0, 10)).toEpochDay();
    } catch (java.time.format.DateTimeParseException e) {
      return Long.MIN_VALUE / 2;
    }
  }

  private static void keywords(Document doc, String field, List<String> values) {
    for (String value : values) {
      doc.add(new StringField(field, value, Field.Store.YES));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
  }
}
