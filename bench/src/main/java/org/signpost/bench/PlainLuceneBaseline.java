package org.signpost.bench;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;

/**
 * The baseline a plain Lucene setup gives: StandardAnalyzer, no synonyms, no fuzzy words, no facets
 * or reasons, the same need filter, radius and distance sort. Not thread-safe.
 */
final class PlainLuceneBaseline implements Closeable {
  private final Analyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  PlainLuceneBaseline(List<IndexedListing> listings) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (IndexedListing l : listings) {
        Document doc = new Document();
        doc.add(new StringField("id", l.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id_sort", new BytesRef(l.id())));
        doc.add(new TextField("name", l.name(), Field.Store.YES));
        doc.add(new TextField("summary", l.summary(), Field.Store.YES));
        doc.add(new TextField("description", l.description(), Field.Store.NO));
        for (String need : l.needs()) {
          doc.add(new StringField("need", need, Field.Store.NO));
        }
        for (GeoPoint p : l.points()) {
          doc.add(new LatLonPoint("location", p.lat(), p.lon()));
          doc.add(new LatLonDocValuesField("location", p.lat(), p.lon()));
        }
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  int combined(String text, String need, GeoPoint point, double radiusKm) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms(text)) {
      for (String field : List.of("name", "summary", "description")) {
        words.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
    }
    Query query =
        new BooleanQuery.Builder()
            .add(words.build(), Occur.MUST)
            .add(new TermQuery(new Term("need", need)), Occur.FILTER)
            .add(
                LatLonPoint.newDistanceQuery("location", point.lat(), point.lon(), radiusKm * 1000),
                Occur.FILTER)
            .build();
    Sort sort =
        new Sort(
            LatLonDocValuesField.newDistanceSort("location", point.lat(), point.lon()),
            new SortField("id_sort", SortField.Type.STRING));
    var top = searcher.search(query, 20, sort);
    var stored = searcher.storedFields();
    for (var hit : top.scoreDocs) {
      stored.document(hit.doc);
    }
    return top.scoreDocs.length + searcher.count(query);
  }

  /** BM25 over name, summary and description, top 20 by score, stored fields read. */
  int keyword(String text) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms(text)) {
      for (String field : List.of("name", "summary", "description")) {
        words.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
    }
    var top = searcher.search(words.build(), 20);
    var stored = searcher.storedFields();
    for (var hit : top.scoreDocs) {
      stored.document(hit.doc);
    }
    return top.scoreDocs.length;
  }

  private List<String> terms(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("name", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
