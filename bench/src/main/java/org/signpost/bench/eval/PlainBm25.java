package org.signpost.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;

/**
 * The baseline every build is compared with: plain Lucene BM25 with the EnglishAnalyzer over the
 * name (weight 3), the taxonomy labels and keywords (2) and the description (1), fields summed. No
 * synonyms, no query understanding, no place, no embeddings. Not thread-safe.
 */
final class PlainBm25 implements AutoCloseable {
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  PlainBm25(List<Listing> listings) {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Listing listing : listings) {
        if (!listing.isPublished()) {
          continue;
        }
        ListingContent c = listing.content();
        Document doc = new Document();
        doc.add(new StringField("id", listing.id(), Field.Store.YES));
        doc.add(new TextField("name", c.name(), Field.Store.NO));
        List<String> taxonomy = new ArrayList<>(c.keywords());
        c.categories().forEach(code -> taxonomy.add(code.replace('_', ' ')));
        doc.add(new TextField("taxonomy", String.join("\n", taxonomy), Field.Store.NO));
        doc.add(
            new TextField(
                "description", c.description() == null ? "" : c.description(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> search(String text, int limit) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder sum = new BooleanQuery.Builder();
    String[] fields = {"name", "taxonomy", "description"};
    float[] weights = {3f, 2f, 1f};
    for (int i = 0; i < fields.length; i++) {
      Query q = builder.createBooleanQuery(fields[i], text, Occur.SHOULD);
      if (q != null) {
        sum.add(new BoostQuery(q, weights[i]), Occur.SHOULD);
      }
    }
    List<String> ids = new ArrayList<>();
    try {
      for (ScoreDoc hit : searcher.search(sum.build(), limit).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get("id"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
