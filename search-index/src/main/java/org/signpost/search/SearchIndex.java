package org.signpost.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SloppyMath;

/**
 * The in-heap Lucene index of published listings. It owns the Directory, the Analyzer, the one
 * IndexWriter (update path only) and the SearcherManager.
 *
 * <p>Thread-safe: any number of threads may search while one or more apply changes; a search sees
 * the changes applied before the last {@link #refresh()}.
 */
public final class SearchIndex implements Closeable {
  private static final String MODE_RELEVANCE = "r";
  private static final String MODE_DISTANCE = "d";

  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  public SearchIndex() {
    this.directory = new ByteBuffersDirectory();
    this.analyzer = new SignpostAnalyzer();
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setRAMBufferSizeMB(32);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the in-heap index", e);
    }
  }

  /**
   * Applies one listing change. An older or equal version than the one already applied is ignored,
   * so replays and out-of-order change-log pages are harmless. Unsearchable listings are removed.
   *
   * @return true if the index changed
   */
  public boolean apply(IndexedListing listing) {
    boolean[] changed = {false};
    versions.compute(
        listing.id(),
        (id, known) -> {
          if (known != null && known >= listing.version()) {
            return known;
          }
          write(listing);
          changed[0] = true;
          return listing.version();
        });
    return changed[0];
  }

  /** Applies many changes; the caller refreshes once afterwards. */
  public int applyAll(Collection<IndexedListing> listings) {
    int changed = 0;
    for (IndexedListing listing : listings) {
      if (apply(listing)) {
        changed++;
      }
    }
    return changed;
  }

  private void write(IndexedListing listing) {
    Term idTerm = new Term(Fields.ID, listing.id());
    try {
      if (listing.searchable()) {
        writer.updateDocument(idTerm, toDocument(listing));
      } else {
        writer.deleteDocuments(idTerm);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("index write failed for " + listing.id(), e);
    }
  }

  /** Makes applied changes visible to new searches. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("index refresh failed", e);
    }
  }

  /** Number of searchable listings visible to searches. */
  public int size() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a search. Never fails on user text; an unusable cursor is an {@link
   * InvalidCursorException}.
   */
  public SearchHits search(SearchQuery query) {
    Query scoring = KeywordQueries.build(analyzer, query.text());
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(scoring, Occur.MUST);
    if (!query.categories().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String category : query.categories()) {
        any.add(new TermQuery(new Term(Fields.CATEGORY, category)), Occur.SHOULD);
      }
      builder.add(any.build(), Occur.FILTER);
    }
    GeoPoint point = query.point();
    if (point != null && query.radiusKm() != null) {
      builder.add(
          LatLonPoint.newDistanceQuery(
              Fields.LOCATION, point.lat(), point.lon(), query.radiusKm() * 1000.0),
          Occur.FILTER);
    }
    boolean byDistance = point != null && scoring instanceof MatchAllDocsQuery;
    String mode = byDistance ? MODE_DISTANCE : MODE_RELEVANCE;
    Sort sort =
        byDistance
            ? new Sort(
                LatLonDocValuesField.newDistanceSort(Fields.LOCATION, point.lat(), point.lon()),
                new SortField(Fields.ID_SORT, SortField.Type.STRING))
            : new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID_SORT, SortField.Type.STRING));
    Object[] afterValues =
        query.cursor() == null ? null : Cursors.decode(query.cursor(), mode, sort.getSort().length);

    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query built = builder.build();
        // The id tie-break makes sort values unique, so the doc id only has to exclude the last
        // hit.
        FieldDoc after =
            afterValues == null
                ? null
                : new FieldDoc(
                    Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, afterValues);
        TopFieldDocs top = searcher.searchAfter(after, built, query.limit(), sort, !byDistance);
        long total = searcher.count(built);
        List<SearchHits.Hit> hits = new ArrayList<>(top.scoreDocs.length);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
          hits.add(toHit(stored.document(scoreDoc.doc), scoreDoc.score, point));
        }
        String next =
            top.scoreDocs.length == query.limit()
                ? Cursors.encode(mode, (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1])
                : null;
        return new SearchHits(total, hits, new LinkedHashMap<>(), next);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  private static SearchHits.Hit toHit(Document doc, float score, GeoPoint from) {
    Double distanceKm = null;
    if (from != null) {
      double[] lats = doubles(doc, Fields.STORED_POINT + ".lat");
      double[] lons = doubles(doc, Fields.STORED_POINT + ".lon");
      for (int i = 0; i < lats.length; i++) {
        double km = SloppyMath.haversinMeters(from.lat(), from.lon(), lats[i], lons[i]) / 1000.0;
        if (distanceKm == null || km < distanceKm) {
          distanceKm = km;
        }
      }
    }
    return new SearchHits.Hit(
        doc.get(Fields.ID),
        doc.get(Fields.NAME),
        doc.get(Fields.SUMMARY),
        doc.get(Fields.KIND),
        doc.get(Fields.ORG_ID),
        doc.get(Fields.ORG_NAME),
        distanceKm == null ? null : Math.round(distanceKm * 100.0) / 100.0,
        doc.get(Fields.VERIFIED_AT),
        doc.get(Fields.NEXT_SESSION),
        Float.isNaN(score) ? 0f : score);
  }

  private static double[] doubles(Document doc, String field) {
    var values = doc.getFields(field);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].numericValue().doubleValue();
    }
    return out;
  }

  private static Document toDocument(IndexedListing listing) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, listing.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID_SORT, new BytesRef(listing.id())));
    doc.add(new NumericDocValuesField(Fields.VERSION, listing.version()));
    doc.add(new StringField(Fields.KIND, listing.kind(), Field.Store.YES));
    doc.add(new TextField(Fields.NAME, listing.name(), Field.Store.YES));
    doc.add(new TextField(Fields.SUMMARY, listing.summary(), Field.Store.YES));
    doc.add(new TextField(Fields.DESCRIPTION, listing.description(), Field.Store.NO));
    keywords(doc, Fields.CATEGORY, listing.categories());
    keywords(doc, Fields.NEED, listing.needs());
    keywords(doc, Fields.DELIVERY, listing.delivery());
    keywords(doc, Fields.LANGUAGE, listing.languages());
    keywords(doc, Fields.ACCESSIBILITY, listing.accessibility());
    if (listing.costType() != null) {
      keywords(doc, Fields.COST, List.of(listing.costType()));
    }
    if (listing.crisis()) {
      doc.add(new StringField(Fields.CRISIS, "true", Field.Store.NO));
    }
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
    if (listing.verifiedAt() != null) {
      doc.add(new StoredField(Fields.VERIFIED_AT, listing.verifiedAt()));
    }
    if (listing.nextSession() != null) {
      doc.add(new StoredField(Fields.NEXT_SESSION, listing.nextSession()));
    }
    return doc;
  }

  private static void keywords(Document doc, String field, List<String> values) {
    for (String value : values) {
      doc.add(new StringField(field, value, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
  }

  @Override
  public void close() throws IOException {
    try (directory;
        analyzer;
        writer;
        searchers) {
      // closes in reverse order: searchers, writer, analyzer, directory
    }
  }
}
