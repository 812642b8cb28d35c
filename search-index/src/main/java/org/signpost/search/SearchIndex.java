package org.signpost.search;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnByteVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The in-memory Lucene index of published listings. It owns the Directory, the analyzers, the one
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
  private final SnapshotDeletionPolicy commits;
  private final SearcherManager searchers;
  private final SearcherLifetimeManager lifetimes = new SearcherLifetimeManager();
  private final Cursors cursors;
  private final byte[] cursorKey;
  private volatile Synonyms synonyms;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Suggestions suggestions = new Suggestions();
  private final Spelling spelling = new Spelling();
  private final FacetCounts.Tables facetTables = new FacetCounts.Tables();
  private volatile Analyzer queryAnalyzer;

  /** Pages keep their searcher this long; a cursor older than that continues on the current one. */
  static final double KEEP_SEARCHERS_SECONDS = 600;

  /** Cursor key for tests and tools; a deployment passes its own secret. */
  private static final byte[] DEFAULT_CURSOR_KEY =
      "signpost-local-cursor-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** An empty index using the bundled synonyms. */
  public SearchIndex() {
    this(Synonyms.bundled());
  }

  public SearchIndex(Synonyms synonyms) {
    this(synonyms, DEFAULT_CURSOR_KEY);
  }

  /**
   * @param cursorKey signs cursors (at least 16 bytes); environments sharing it accept each other's
   *     cursors
   */
  public SearchIndex(Synonyms synonyms, byte[] cursorKey) {
    this(synonyms, cursorKey, IndexDirectories.create(), false);
  }

  private SearchIndex(Synonyms synonyms, byte[] cursorKey, Directory directory, boolean existing) {
    this.cursors = new Cursors(cursorKey);
    this.cursorKey = cursorKey.clone();
    this.directory = directory;
    this.indexAnalyzer =
        new PerFieldAnalyzerWrapper(
            new SignpostAnalyzer(), Map.of(Fields.SPELL, new Synonyms.EntryAnalyzer()));
    useSynonyms(synonyms);
    try {
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
      config.setSimilarity(ListingDocuments.SIMILARITY);
      config.setRAMBufferSizeMB(32);
      this.commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
      config.setIndexDeletionPolicy(commits);
      config.setOpenMode(
          existing ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
      this.writer = new IndexWriter(directory, config);
      this.searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new IndexSearcher(reader);
                  searcher.setSimilarity(ListingDocuments.SIMILARITY);
                  return searcher;
                }
              });
      if (existing) {
        recallVersionsAndNames();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the in-memory index", e);
    }
  }

  /** An index opened from a snapshot, and the change-log high-water mark the snapshot covers. */
  public record Loaded(SearchIndex index, String highWater) {}

  /**
   * Opens an index from a snapshot made by {@link #snapshot(String)}: no listing is re-read,
   * re-analysed or re-embedded, and the vector graph comes as it was written.
   *
   * @throws InvalidSnapshotException if the snapshot is damaged or partial; nothing is opened
   */
  public static Loaded fromSnapshot(byte[] snapshot, Synonyms synonyms, byte[] cursorKey) {
    Directory directory = IndexDirectories.create();
    String highWater;
    try {
      highWater = Snapshots.read(snapshot, directory);
    } catch (RuntimeException e) {
      try {
        directory.close();
      } catch (IOException ignored) {
        // nothing was opened on it
      }
      throw e;
    }
    try {
      return new Loaded(new SearchIndex(synonyms, cursorKey, directory, true), highWater);
    } catch (RuntimeException e) {
      throw new InvalidSnapshotException("snapshot does not open as an index: " + e.getMessage());
    }
  }

  /** Opens a snapshot with this index's synonyms and cursor key. */
  public Loaded openSnapshot(byte[] snapshot) {
    return fromSnapshot(snapshot, synonyms, cursorKey);
  }

  /**
   * A self-checking snapshot of every applied change (refreshed or not), recording the change-log
   * high-water mark it covers. Searches and updates carry on while it is taken.
   */
  public byte[] snapshot(String highWater) {
    try {
      writer.commit();
      IndexCommit commit = commits.snapshot();
      try {
        return Snapshots.write(directory, commit.getFileNames(), highWater);
      } finally {
        commits.release(commit);
        writer.deleteUnusedFiles();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not snapshot the index", e);
    }
  }

  /**
   * After opening a snapshot: the version of every listing, read from doc values (no stored-field
   * decompression, so a cold start stays short). Autocomplete's listing names are read on the first
   * suggestion instead.
   */
  private void recallVersionsAndNames() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues version = leaf.reader().getNumericDocValues(Fields.VERSION);
        SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ID_SORT);
        Bits live = leaf.reader().getLiveDocs();
        if (ids == null) {
          continue;
        }
        for (int doc = ids.nextDoc(); doc != NO_MORE_DOCS; doc = ids.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
          long v = version != null && version.advanceExact(doc) ? version.longValue() : 0;
          versions.put(id, v);
        }
      }
    }
    namesPending = true;
  }

  /** Set after opening a snapshot until autocomplete has read the listing names. */
  private volatile boolean namesPending;

  /** Reads listing names for autocomplete once, on first use after opening a snapshot. */
  private synchronized void recallNames() {
    if (!namesPending) {
      return;
    }
    withSearcher(
        searcher -> {
          StoredFields stored = searcher.storedFields();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                Document d = stored.document(leaf.docBase + doc, Set.of(Fields.ID, Fields.NAME));
                suggestions.putIfAbsent(d.get(Fields.ID), d.get(Fields.NAME));
              }
            }
          }
          return null;
        });
    namesPending = false;
  }

  /** The synonyms queries are expanded with. */
  public Synonyms synonyms() {
    return synonyms;
  }

  /**
   * Replaces the query-time synonyms and the vocabulary offered by autocomplete. The index itself
   * is unchanged, because synonyms only apply to queries.
   */
  public void useSynonyms(Synonyms synonyms) {
    this.synonyms = synonyms;
    queryAnalyzer = KeywordQueries.expanding(synonyms.map());
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

  /** Whether this index has {@code version} (or a later one) of the listing, applied or opened. */
  public boolean has(String id, long version) {
    Long known = versions.get(id);
    return known != null && known >= version;
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
      lifetimes.prune(new SearcherLifetimeManager.PruneByAge(KEEP_SEARCHERS_SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException("index refresh failed", e);
    }
  }

  /** Bytes of the index's files (memory-mapped, so outside the Java heap). */
  public long fileBytes() {
    try {
      long total = 0;
      for (String name : directory.listAll()) {
        try {
          total += directory.fileLength(name);
        } catch (java.nio.file.NoSuchFileException gone) {
          // merged away while listing
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the index files", e);
    }
  }

  /** Number of searchable listings visible to searches. */
  public int size() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /**
   * The text with each word no listing contains replaced by the closest word one does, for the
   * semantic leg: the embedding model reads a misspelt word as something else entirely.
   */
  public String respell(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    return withSearcher(
        searcher -> {
          String corrected = spelling.suggest(searcher.getIndexReader(), text);
          return corrected == null ? text : corrected;
        });
  }

  /** Up to eight completions of a prefix, from listing names and the vocabulary. */
  public List<String> suggest(String prefix) {
    if (namesPending) {
      recallNames();
    }
    return suggestions.complete(prefix);
  }

  /**
   * Runs a search. Never fails on user text; an unusable cursor is an {@link
   * InvalidCursorException}.
   */
  public SearchHits search(SearchQuery query) {
    String mode = query.sort().name().substring(0, 1);
    String fingerprint = fingerprint(query);
    Cursors.Position position =
        query.cursor() == null
            ? null
            : cursors.decode(query.cursor(), mode, fingerprint, kinds(query));
    IndexSearcher kept = position == null ? null : lifetimes.acquire(position.searcherVersion());
    try {
      if (kept != null) {
        return search(kept, position.searcherVersion(), query, mode, fingerprint, position);
      }
      return withSearcher(
          searcher ->
              search(searcher, lifetimes.record(searcher), query, mode, fingerprint, position));
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    } finally {
      if (kept != null) {
        try {
          lifetimes.release(kept);
        } catch (IOException e) {
          throw new UncheckedIOException("searcher release failed", e);
        }
      }
    }
  }

  private SearchHits search(
      IndexSearcher searcher,
      long version,
      SearchQuery query,
      String mode,
      String fingerprint,
      Cursors.Position position)
      throws IOException {
    Query keyword =
        KeywordQueries.build(queryAnalyzer, indexAnalyzer, searcher.getIndexReader(), query.text());
    Query filters = filters(query);
    Legs legs = legs(searcher, query, keyword, filters);
    Sort sort = sort(query, legs.fusion());
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    if (legs.semanticIds().isEmpty()) {
      matching.add(keyword, Occur.MUST);
    } else {
      matching.add(keyword, Occur.SHOULD);
      matching.add(new TermInSetQuery(Fields.ID, legs.semanticIds()), Occur.SHOULD);
      matching.setMinimumNumberShouldMatch(1);
    }
    matching.add(filters, Occur.FILTER);
    Query built = matching.build();
    // The id tie-break makes sort values unique, so the doc id only has to exclude the last hit.
    FieldDoc after =
        position == null
            ? null
            : new FieldDoc(
                Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, position.after());
    // One pass collects the page, the exact total and the facet counts together.
    Object[] collected =
        searcher.search(
            built,
            new MultiCollectorManager(
                new TopFieldCollectorManager(sort, query.limit(), after, Integer.MAX_VALUE),
                new FacetCounts(facetTables)));
    TopFieldDocs top = (TopFieldDocs) collected[0];
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) collected[1];
    long total = top.totalHits.value();
    Set<Integer> keywordMatches = keywordMatches(searcher, keyword, top.scoreDocs, legs);
    Reasons reasons = new Reasons(query, indexAnalyzer, queryAnalyzer);
    List<SearchHits.Hit> hits = new ArrayList<>(top.scoreDocs.length);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      Object first = ((FieldDoc) scoreDoc).fields[0];
      float score =
          query.sort() == SearchQuery.SortOrder.RELEVANCE && first instanceof Double d
              ? d.floatValue()
              : 0f;
      boolean byWords = keywordMatches.contains(scoreDoc.doc);
      boolean byMeaning = legs.semanticDocs().contains(scoreDoc.doc);
      hits.add(reasons.hit(stored.document(scoreDoc.doc), score, byWords, byMeaning));
    }
    String next =
        top.scoreDocs.length == query.limit()
            ? cursors.encode(
                mode, version, fingerprint, (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1])
            : null;
    String didYouMean =
        total < FEW_RESULTS && !query.text().isBlank()
            ? spelling.suggest(searcher.getIndexReader(), query.text())
            : null;
    SearchHits.Recovery recovery =
        total == 0 && query.cursor() == null ? recover(searcher, query, didYouMean) : null;
    return new SearchHits(total, hits, facets, next, didYouMean, recovery);
  }

  /**
   * The two legs of a relevance search with text: the keyword leg's top hits and the semantic leg's
   * nearest neighbours under the same filters, fused by rank. Without an embedding, or when sorting
   * by something else, there is only the keyword query.
   */
  private Legs legs(IndexSearcher searcher, SearchQuery query, Query keyword, Query filters)
      throws IOException {
    if (query.vector() == null
        || query.text().isBlank()
        || query.sort() != SearchQuery.SortOrder.RELEVANCE
        || !hasVectors(searcher)) {
      return Legs.NONE;
    }
    TopDocs byWords =
        searcher.search(
            new BooleanQuery.Builder().add(keyword, Occur.MUST).add(filters, Occur.FILTER).build(),
            Fusion.DEPTH);
    TopDocs byMeaning =
        searcher.search(
            new KnnByteVectorQuery(Fields.VECTOR, query.vector(), SEMANTIC_DEPTH, filters),
            SEMANTIC_DEPTH);
    List<Integer> keywordRanks = new ArrayList<>();
    for (ScoreDoc d : byWords.scoreDocs) {
      keywordRanks.add(d.doc);
    }
    List<Integer> semanticRanks = new ArrayList<>();
    Set<Integer> semanticDocs = new HashSet<>();
    List<BytesRef> ids = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    float best = byMeaning.scoreDocs.length == 0 ? 0 : byMeaning.scoreDocs[0].score;
    for (ScoreDoc d : byMeaning.scoreDocs) {
      // Neighbours far below the nearest one say little; a similarity floor keeps a precise
      // keyword query from filling up with loosely related listings.
      if (d.score < SEMANTIC_FLOOR || d.score < best - SEMANTIC_BAND) {
        break;
      }
      semanticRanks.add(d.doc);
      semanticDocs.add(d.doc);
      ids.add(new BytesRef(stored.document(d.doc, Set.of(Fields.ID)).get(Fields.ID)));
    }
    float maxKeyword = byWords.scoreDocs.length == 0 ? 1 : byWords.scoreDocs[0].score;
    return new Legs(new Fusion(keywordRanks, semanticRanks, maxKeyword), semanticDocs, ids);
  }

  /** Which of the page's docs the keyword query matches, so reasons never claim a word matched. */
  private static Set<Integer> keywordMatches(
      IndexSearcher searcher, Query keyword, ScoreDoc[] page, Legs legs) throws IOException {
    Set<Integer> matched = new HashSet<>();
    if (legs.semanticDocs().isEmpty()) {
      for (ScoreDoc d : page) {
        matched.add(d.doc);
      }
      return matched;
    }
    if (page.length == 0) {
      return matched;
    }
    Weight weight =
        searcher.createWeight(searcher.rewrite(keyword), ScoreMode.COMPLETE_NO_SCORES, 1);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc d : page) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null
          && scorer.iterator().advance(d.doc - leaf.docBase) == d.doc - leaf.docBase) {
        matched.add(d.doc);
      }
    }
    return matched;
  }

  private static boolean hasVectors(IndexSearcher searcher) {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(Fields.VECTOR) != null) {
        return true;
      }
    }
    return false;
  }

  /** How many nearest neighbours the semantic leg reads. */
  static final int SEMANTIC_DEPTH = 50;

  /**
   * Lucene's cosine score is {@code (1 + cos) / 2}: 0.65 is a cosine of 0.3, below which
   * sentence-embedding neighbours are rarely about the same thing.
   */
  static final float SEMANTIC_FLOOR = 0.65f;

  /** Neighbours more than this below the nearest one are left out. */
  static final float SEMANTIC_BAND = 0.15f;

  /** The fusion and the semantic leg's docs (global ids) and listing ids. */
  private record Legs(Fusion fusion, Set<Integer> semanticDocs, List<BytesRef> semanticIds) {
    static final Legs NONE = new Legs(null, Set.of(), List.of());
  }

  private static Cursors.Kind[] kinds(SearchQuery query) {
    return switch (query.sort()) {
      case RELEVANCE, DISTANCE -> new Cursors.Kind[] {Cursors.Kind.DOUBLE, Cursors.Kind.STRING};
      case NEXT_SESSION -> new Cursors.Kind[] {Cursors.Kind.STRING_OR_NULL, Cursors.Kind.STRING};
    };
  }

  /** Identifies a query, so a cursor only continues the search it came from. */
  private static String fingerprint(SearchQuery query) {
    String identity =
        query.text()
            + "\u0000"
            + query.filters()
            + "\u0000"
            + query.point()
            + "\u0000"
            + query.radiusKm()
            + "\u0000"
            + query.sort()
            + "\u0000"
            + query.today()
            + "\u0000"
            + (query.vector() != null);
    byte[] bytes = identity.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.HexFormat.of().formatHex(Snapshots.sha256(bytes, bytes.length), 0, 8);
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

  /** Every filter and the place, as one non-scoring query (match-all when there are none). */
  private static Query filters(SearchQuery query) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    FilterQueries.addTo(builder, query);
    BooleanQuery built = builder.build();
    if (built.clauses().isEmpty()) {
      return new MatchAllDocsQuery();
    }
    boolean onlyExclusions = built.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT);
    return onlyExclusions
        ? new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(built, Occur.FILTER)
            .build()
        : built;
  }

  private static Sort sort(SearchQuery query, Fusion fusion) {
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
      case RELEVANCE ->
          new Sort(new RankingValues(query.today(), point, fusion).getSortField(true), byId);
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
