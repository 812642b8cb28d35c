package org.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checked-in test corpus (src/test/resources/corpus/listings.json, made once by
 * src/test/tools/make_corpus.py): anchor listings the tests name, and filler listings elsewhere.
 */
final class Corpus {
  static final List<IndexedListing> LISTINGS = load();

  private Corpus() {}

  static SearchIndex index() {
    SearchIndex index = new SearchIndex();
    index.applyAll(LISTINGS);
    index.refresh();
    return index;
  }

  static IndexedListing byId(String id) {
    return LISTINGS.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<IndexedListing> load() {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/listings.json")) {
      List<Object> raw =
          (List<Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<IndexedListing> out = new ArrayList<>();
      for (Object o : raw) {
        out.add(toListing((Map<String, Object>) o));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static IndexedListing toListing(Map<String, Object> m) {
    List<GeoPoint> points = new ArrayList<>();
    for (Object p : (List<Object>) m.get("points")) {
      List<Double> ll = (List<Double>) p;
      points.add(new GeoPoint(ll.get(0), ll.get(1)));
    }
    List<IndexedListing.WeeklySlot> weekly = new ArrayList<>();
    for (Object w : (List<Object>) m.get("weekly")) {
      List<Double> s = (List<Double>) w;
      weekly.add(
          new IndexedListing.WeeklySlot(
              s.get(0).intValue(), s.get(1).intValue(), s.get(2).intValue()));
    }
    List<IndexedListing.DatedSlot> dated = new ArrayList<>();
    for (Object d : (List<Object>) m.get("dated")) {
      List<Object> s = (List<Object>) d;
      dated.add(
          new IndexedListing.DatedSlot(
              LocalDate.parse((String) s.get(0)),
              ((Double) s.get(1)).intValue(),
              ((Double) s.get(2)).intValue()));
    }
    List<IndexedListing.DateRange> closures = new ArrayList<>();
    for (Object c : (List<Object>) m.get("closures")) {
      List<String> s = (List<String>) c;
      closures.add(
          new IndexedListing.DateRange(LocalDate.parse(s.get(0)), LocalDate.parse(s.get(1))));
    }
    return new IndexedListing(
        (String) m.get("id"),
        1,
        true,
        (String) m.get("kind"),
        (String) m.get("name"),
        (String) m.get("summary"),
        (String) m.get("description"),
        (List<String>) m.get("categories"),
        (List<String>) m.get("needs"),
        points,
        (List<String>) m.get("delivery"),
        (List<String>) m.get("languages"),
        (List<String>) m.get("accessibility"),
        (String) m.get("cost"),
        integer(m.get("min_age")),
        integer(m.get("max_age")),
        (Boolean) m.get("women_only"),
        (Boolean) m.get("men_only"),
        (Boolean) m.get("crisis"),
        (String) m.get("org_id"),
        (String) m.get("org_name"),
        (String) m.get("verified_at"),
        (String) m.get("next_session"),
        weekly,
        (List<String>) m.get("direct_needs"),
        (Boolean) m.get("open_24_7"),
        date(m.get("valid_from")),
        date(m.get("valid_to")),
        closures,
        dated);
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Double) o).intValue();
  }

  private static LocalDate date(Object o) {
    return o == null ? null : LocalDate.parse((String) o);
  }
}
