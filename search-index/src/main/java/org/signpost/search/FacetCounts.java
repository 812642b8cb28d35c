package org.signpost.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts facet values over every match of a query. Each segment's facet values are read from
 * sorted-set doc values once, into a compact table of per-doc value slots kept until the segment is
 * closed; counting a match is then a few array increments instead of a doc-values lookup per facet
 * field. One manager per search; the tables are shared by every search of one index.
 */
final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {
  private final Tables tables;

  FacetCounts(Tables tables) {
    this.tables = tables;
  }

  @Override
  public Counter newCollector() {
    return new Counter(tables);
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

  /**
   * One segment's facet values: the slots of doc {@code d} are {@code slots[starts[d]]} up to
   * {@code slots[starts[d + 1]]}; slot {@code s} is value {@code values[s]} of field {@code
   * fields[s]}. Immutable.
   */
  record Table(int[] starts, int[] slots, int[] fields, String[] values) {}

  /** The tables of an index's open segments, dropped as each segment closes. Thread-safe. */
  static final class Tables {
    private final Map<IndexReader.CacheKey, Table> bySegment = new ConcurrentHashMap<>();

    Table of(LeafReader reader) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return build(reader);
      }
      Table known = bySegment.get(helper.getKey());
      if (known != null) {
        return known;
      }
      Table built = build(reader);
      if (bySegment.putIfAbsent(helper.getKey(), built) == null) {
        helper.addClosedListener(bySegment::remove);
      }
      return built;
    }

    int size() {
      return bySegment.size();
    }

    private static Table build(LeafReader reader) throws IOException {
      int fieldCount = Fields.FACETS.size();
      SortedSetDocValues[] dvs = new SortedSetDocValues[fieldCount];
      int[] base = new int[fieldCount + 1];
      for (int f = 0; f < fieldCount; f++) {
        dvs[f] = DocValues.getSortedSet(reader, Fields.FACETS.get(f));
        base[f + 1] = base[f] + Math.toIntExact(dvs[f].getValueCount());
      }
      int[] fields = new int[base[fieldCount]];
      String[] values = new String[base[fieldCount]];
      for (int f = 0; f < fieldCount; f++) {
        for (int ord = 0; ord < base[f + 1] - base[f]; ord++) {
          fields[base[f] + ord] = f;
          values[base[f] + ord] = dvs[f].lookupOrd(ord).utf8ToString();
        }
      }
      int maxDoc = reader.maxDoc();
      int[] starts = new int[maxDoc + 1];
      int[] slots = new int[Math.max(16, maxDoc * 4)];
      int used = 0;
      int[] next = new int[fieldCount];
      for (int f = 0; f < fieldCount; f++) {
        next[f] = dvs[f].nextDoc();
      }
      for (int doc = 0; doc < maxDoc; doc++) {
        starts[doc] = used;
        for (int f = 0; f < fieldCount; f++) {
          if (next[f] != doc) {
            continue;
          }
          for (int n = 0; n < dvs[f].docValueCount(); n++) {
            if (used == slots.length) {
              slots = Arrays.copyOf(slots, slots.length * 2);
            }
            slots[used++] = base[f] + (int) dvs[f].nextOrd();
          }
          next[f] = dvs[f].nextDoc();
        }
      }
      starts[maxDoc] = used;
      return new Table(starts, Arrays.copyOf(slots, used), fields, values);
    }
  }

  /** Counts one slice of segments. Not thread-safe; Lucene gives each slice its own. */
  static final class Counter extends SimpleCollector {
    private final Tables tables;
    private final Map<String, Map<String, Long>> totals = new TreeMap<>();
    private Table table;
    private int[] starts;
    private int[] slots;
    private long[] counts;

    Counter(Tables tables) {
      this.tables = tables;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      table = tables.of(context.reader());
      starts = table.starts();
      slots = table.slots();
      counts = new long[table.values().length];
    }

    @Override
    public void collect(int doc) {
      for (int j = starts[doc], end = starts[doc + 1]; j < end; j++) {
        counts[slots[j]]++;
      }
    }

    private void flush() {
      if (table == null) {
        return;
      }
      for (int slot = 0; slot < counts.length; slot++) {
        if (counts[slot] > 0) {
          totals
              .computeIfAbsent(Fields.FACETS.get(table.fields()[slot]), k -> new TreeMap<>())
              .merge(table.values()[slot], counts[slot], Long::sum);
        }
      }
      table = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
