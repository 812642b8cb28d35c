package org.signpost.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.SloppyMath;

/**
 * Reads a hit's display fields and says why it matched: the words it contains, the needs it serves
 * (directly or through its categories), the filters it passed and how far away it is. One instance
 * per search; not thread-safe.
 */
final class Reasons {
  private static final int MAX_DOC_TERMS = 400;
  private static final List<String> DAYS = ListingDocuments.DAY_NAMES;

  private final SearchQuery query;
  private final Analyzer indexAnalyzer;
  private final List<String> words;
  private final List<Set<String>> wordTerms = new ArrayList<>();
  private final List<Set<String>> synonymTerms = new ArrayList<>();

  Reasons(SearchQuery query, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
    this.query = query;
    this.indexAnalyzer = indexAnalyzer;
    this.words = KeywordQueries.words(query.text());
    for (String word : words) {
      Set<String> own = new HashSet<>(KeywordQueries.terms(indexAnalyzer, word));
      Set<String> expanded = new HashSet<>(KeywordQueries.terms(queryAnalyzer, word));
      expanded.removeAll(own);
      wordTerms.add(own);
      synonymTerms.add(expanded);
    }
  }

  /**
   * @param byWords whether the keyword query matches the listing
   * @param byMeaning whether the semantic leg found it among the nearest in meaning
   */
  SearchHits.Hit hit(Document doc, float score, boolean byWords, boolean byMeaning) {
    Double distanceKm = distance(doc);
    boolean placeBound = doc.getFields(Fields.STORED_POINT + ".lat").length > 0;
    List<String> why = new ArrayList<>();
    if (byWords) {
      terms(doc, why);
    }
    if (byMeaning) {
      why.add("similar in meaning to \"" + clip(query.text()) + "\"");
    }
    Set<String> direct = values(doc, Fields.DIRECT_NEED);
    for (String need : query.filters().needs()) {
      if (values(doc, Fields.NEED).contains(need)) {
        why.add(
            direct.contains(need) ? "need: " + need : "need: " + need + " (via its categories)");
      }
    }
    filters(doc, why);
    if (distanceKm != null) {
      why.add(String.format(Locale.ROOT, "%.1f km away", distanceKm));
    } else if (!placeBound) {
      why.add("not place-bound: " + String.join(", ", values(doc, Fields.DELIVERY)));
    }
    return new SearchHits.Hit(
        doc.get(Fields.ID),
        doc.get(Fields.NAME),
        doc.get(Fields.SUMMARY),
        doc.get(Fields.KIND),
        doc.get(Fields.ORG_ID),
        doc.get(Fields.ORG_NAME),
        distanceKm,
        doc.get(Fields.VERIFIED_AT),
        doc.get(Fields.NEXT_SESSION),
        Float.isNaN(score) ? 0f : score,
        placeBound,
        doc.get(Fields.CRISIS) != null,
        why);
  }

  private void terms(Document doc, List<String> why) {
    if (words.isEmpty()) {
      return;
    }
    Set<String> docTerms =
        new HashSet<>(
            KeywordQueries.analyse(
                indexAnalyzer,
                Fields.NAME,
                doc.get(Fields.NAME) + " " + doc.get(Fields.SUMMARY),
                MAX_DOC_TERMS));
    boolean any = false;
    for (int i = 0; i < words.size(); i++) {
      if (QueryIntent.FILLER.contains(words.get(i))) {
        continue;
      }
      if (intersects(wordTerms.get(i), docTerms)) {
        why.add("matched \"" + words.get(i) + "\"");
        any = true;
      } else if (intersects(synonymTerms.get(i), docTerms)) {
        why.add("matched a synonym of \"" + words.get(i) + "\"");
        any = true;
      }
    }
    if (!any) {
      why.add("matched words in its description, keywords or details, or a similar spelling");
    }
  }

  private void filters(Document doc, List<String> why) {
    SearchFilters f = query.filters();
    for (String category : f.categories()) {
      if (values(doc, Fields.CATEGORY).contains(category)) {
        why.add("category: " + category);
      }
    }
    if (f.free() != null || !f.costs().isEmpty()) {
      why.add("cost: " + doc.get(Fields.COST));
    }
    for (String language : f.languages()) {
      if (values(doc, Fields.LANGUAGE).contains(language)) {
        why.add("language: " + language);
      }
    }
    for (String feature : f.accessibility()) {
      why.add("accessibility: " + feature);
    }
    if (f.age() != null) {
      why.add("open to age " + f.age());
    }
    if (f.womenOnly()) {
      why.add("women only");
    }
    if (f.menOnly()) {
      why.add("men only");
    }
    for (String mode : f.delivery()) {
      if (values(doc, Fields.DELIVERY).contains(mode)) {
        why.add("delivery: " + mode);
      }
    }
    if (!f.kinds().isEmpty()) {
      why.add("kind: " + doc.get(Fields.KIND));
    }
    if (f.day() != null) {
      why.add("runs on " + DAYS.get(f.day() - 1));
    }
    if (f.openAt() != null) {
      why.add("open now");
    }
  }

  private Double distance(Document doc) {
    GeoPoint from = query.point();
    if (from == null) {
      return null;
    }
    IndexableField[] lats = doc.getFields(Fields.STORED_POINT + ".lat");
    IndexableField[] lons = doc.getFields(Fields.STORED_POINT + ".lon");
    Double best = null;
    for (int i = 0; i < lats.length; i++) {
      double km =
          SloppyMath.haversinMeters(
                  from.lat(),
                  from.lon(),
                  lats[i].numericValue().doubleValue(),
                  lons[i].numericValue().doubleValue())
              / 1000.0;
      if (best == null || km < best) {
        best = km;
      }
    }
    return best == null ? null : Math.round(best * 100.0) / 100.0;
  }

  private static Set<String> values(Document doc, String field) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String value : doc.getValues(field)) {
      out.add(value);
    }
    return out;
  }

  /** The searcher's words as a short quotation. */
  private static String clip(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "…";
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
