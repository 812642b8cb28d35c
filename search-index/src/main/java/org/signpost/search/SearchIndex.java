package org.signpost.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The in-heap Lucene index of published listings. It owns the Directory, the analyzers, the one
 * IndexWriter (update path only), the SearcherManager and the autocomplete entries.
 *
 * <p>Thread-safe: any number of threads may search while one or more apply changes; a search sees
 * the changes applied before the last {@link #refresh()}. Swapping synonyms is atomic.
 */
public final class SearchIndex implements Closeable {
  /** Below this many results a search also offers a respelling. */
  static final int FEW_RESULTS = 3;

  private final Directory directory;
  private final Analyzer indexAnalyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Suggestions suggestions = new Suggestions();
  private final Spelling spelling = new Spelling();
  private volatile Analyzer queryAnalyzer;

  /** An empty index using the bundled synonyms. */
  public SearchIndex() {
    this(Synonyms.bundled());
  }

  public SearchIndex(Synonyms synonyms) {
    this.directory = new ByteBuffersDirectory();
    this.indexAnalyzer =
        new PerFieldAnalyzerWrapper(
            new SignpostAnalyzer(), Map.of(Fields.SPELL, new Synonyms.EntryAnalyzer()));
    useSynonyms(synonyms);
    try {
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
      config.setRAMBufferSizeMB(32);
      config.setSimilarity(new StableSimilarity());
      this.writer = new IndexWriter(directory, config);
      this.searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new IndexSearcher(reader);
                  searcher.setSimilarity(new StableSimilarity());
                  return searcher;
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the in-heap index", e);
    }
  }

  /**
   * Replaces the query-time synonyms and the vocabulary offered by autocomplete. The index itself
   * is unchanged, because synonyms only apply to queries.
   */
  public void useSynonyms(Synonyms synonyms) {
    queryAnalyzer = new SignpostAnalyzer(synonyms.map());
    List<String> terms = new ArrayList<>();
    synonyms.groups().forEach(terms::addAll);
    suggestions.vocabulary(terms.stream().distinct().toList());
    // The old analyzer is not closed: a search on another thread may still be using it, and an
    // analyzer holds nothing but reusable token streams, which the garbage collector reclaims.
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
        writer.updateDocument(idTerm, ListingDocuments.toDocument(listing));
        suggestions.put(listing.id(), listing.name());
      } else {
        writer.deleteDocuments(idTerm);
        suggestions.remove(listing.id());
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
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Up to eight completions of a prefix, from listing names and the vocabulary. */
  public List<String> suggest(String prefix) {
    return suggestions.complete(prefix);
  }

  /**
   * Runs a search. Never fails on user text; an unusable cursor is an {@link
   * InvalidCursorException}.
   */
  public SearchHits search(SearchQuery query) {
    Sort sort = sort(query);
    String mode = query.sort().name().substring(0, 1);
    Object[] afterValues =
        query.cursor() == null ? null : Cursors.decode(query.cursor(), mode, sort.getSort().length);
    return withSearcher(
        searcher -> {
          Query built = build(searcher, query);
          // The id tie-break makes sort values unique, so the doc id only has to exclude the last
          // hit.
          FieldDoc after =
              afterValues == null
                  ? null
                  : new FieldDoc(
                      Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, afterValues);
          // One pass collects the page, the exact total and the facet counts together.
          Object[] collected =
              searcher.search(
                  built,
                  new MultiCollectorManager(
                      new TopFieldCollectorManager(sort, query.limit(), after, Integer.MAX_VALUE),
                      new FacetCounts()));
          TopFieldDocs top = (TopFieldDocs) collected[0];
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) collected[1];
          long total = top.totalHits.value();
          Reasons reasons = new Reasons(query, indexAnalyzer, queryAnalyzer);
          List<SearchHits.Hit> hits = new ArrayList<>(top.scoreDocs.length);
          StoredFields stored = searcher.storedFields();
          for (ScoreDoc scoreDoc : top.scoreDocs) {
            Object first = ((FieldDoc) scoreDoc).fields[0];
            float score =
                query.sort() == SearchQuery.SortOrder.RELEVANCE && first instanceof Double d
                    ? d.floatValue()
                    : 0f;
            hits.add(reasons.hit(stored.document(scoreDoc.doc), score));
          }
          String next =
              top.scoreDocs.length == query.limit()
                  ? Cursors.encode(mode, (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1])
                  : null;
          String didYouMean =
              total < FEW_RESULTS && !query.text().isBlank()
                  ? spelling.suggest(searcher.getIndexReader(), query.text())
                  : null;
          SearchHits.Recovery recovery =
              total == 0 && query.cursor() == null ? recover(searcher, query, didYouMean) : null;
          return new SearchHits(total, hits, facets, next, didYouMean, recovery);
        });
  }

  /** Counts what would match, loosening the query one way at a time. */
  private SearchHits.Recovery recover(IndexSearcher searcher, SearchQuery query, String spelling)
      throws IOException {
    Double wider = null;
    long widerCount = 0;
    if (query.radiusKm() != null) {
      wider = Math.min(200.0, Math.max(query.radiusKm() * 3, query.radiusKm() + 10));
      widerCount = count(searcher, query.withPlace(query.point(), wider));
    }
    long online =
        count(
            searcher,
            query
                .withPlace(null, null)
                .withFilters(query.filters().withDelivery(List.of("online", "phone"))));
    String bestFilter = null;
    long bestCount = 0;
    for (Map.Entry<String, SearchFilters> loosened : query.filters().withoutEach().entrySet()) {
      long n = count(searcher, query.withFilters(loosened.getValue()));
      if (n > bestCount) {
        bestFilter = loosened.getKey();
        bestCount = n;
      }
    }
    return new SearchHits.Recovery(wider, widerCount, online, bestFilter, bestCount, spelling);
  }

  private long count(IndexSearcher searcher, SearchQuery query) throws IOException {
    return searcher.count(build(searcher, query));
  }

  private Query build(IndexSearcher searcher, SearchQuery query) throws IOException {
    Query scoring =
        KeywordQueries.build(queryAnalyzer, indexAnalyzer, searcher.getIndexReader(), query.text());
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(scoring, Occur.MUST);
    FilterQueries.addTo(builder, query);
    return builder.build();
  }

  private static Sort sort(SearchQuery query) {
    SortField byId = new SortField(Fields.ID_SORT, SortField.Type.STRING);
    GeoPoint point = query.point();
    return switch (query.sort()) {
      case DISTANCE ->
          new Sort(
              LatLonDocValuesField.newDistanceSort(Fields.LOCATION, point.lat(), point.lon()),
              byId);
      case NEXT_SESSION -> {
        SortField next = new SortField(Fields.NEXT_SESSION, SortField.Type.STRING);
        next.setMissingValue(SortField.STRING_LAST);
        yield new Sort(next, byId);
      }
      case RELEVANCE -> new Sort(new RankingValues(query.today(), point).getSortField(true), byId);
    };
  }

  /** Work against one acquired searcher, released afterwards. */
  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    try (directory;
        indexAnalyzer;
        writer;
        searchers) {
      queryAnalyzer.close();
    }
  }
}
