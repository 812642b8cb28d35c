package org.signpost.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts facet values over every match of a query by reading sorted-set doc values; counts per
 * segment ordinal, then resolves ordinals to values once per segment. One instance per search.
 */
final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Map<String, Map<String, Long>> reduce(Collection<Counter> counters) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (String field : Fields.FACETS) {
      out.put(field, new TreeMap<>());
    }
    for (Counter counter : counters) {
      counter.flush();
      counter.totals.forEach(
          (field, counts) -> counts.forEach((k, v) -> out.get(field).merge(k, v, Long::sum)));
    }
    return out;
  }

  /** Counts one slice of segments. Not thread-safe; Lucene gives each slice its own. */
  static final class Counter extends SimpleCollector {
    private final Map<String, Map<String, Long>> totals = new TreeMap<>();
    private final List<SortedSetDocValues> values = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      for (String field : Fields.FACETS) {
        SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), field);
        values.add(dv);
        counts.add(new long[(int) Math.min(dv.getValueCount(), Integer.MAX_VALUE)]);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < values.size(); i++) {
        SortedSetDocValues dv = values.get(i);
        if (dv.advanceExact(doc)) {
          long[] c = counts.get(i);
          for (int n = 0; n < dv.docValueCount(); n++) {
            c[(int) dv.nextOrd()]++;
          }
        }
      }
    }

    private void flush() {
      try {
        for (int i = 0; i < values.size(); i++) {
          long[] c = counts.get(i);
          Map<String, Long> field =
              totals.computeIfAbsent(Fields.FACETS.get(i), k -> new TreeMap<>());
          for (int ord = 0; ord < c.length; ord++) {
            if (c[ord] > 0) {
              field.merge(values.get(i).lookupOrd(ord).utf8ToString(), c[ord], Long::sum);
            }
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      values.clear();
      counts.clear();
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
