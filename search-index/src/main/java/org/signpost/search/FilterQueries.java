package org.signpost.search;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Builds the non-scoring part of a search: filters and the place. Stateless. */
final class FilterQueries {
  private static final List<String> REMOTE = List.of("online", "phone");

  private FilterQueries() {}

  /** Adds every filter of the query to {@code builder} as FILTER or MUST_NOT clauses. */
  static void addTo(BooleanQuery.Builder builder, SearchQuery query) {
    SearchFilters f = query.filters();
    anyOf(builder, Fields.NEED, f.needs());
    anyOf(builder, Fields.CATEGORY, f.categories());
    if (Boolean.TRUE.equals(f.free())) {
      builder.add(term(Fields.COST, "free"), Occur.FILTER);
    } else if (Boolean.FALSE.equals(f.free())) {
      builder.add(term(Fields.COST, "free"), Occur.MUST_NOT);
    }
    anyOf(builder, Fields.COST, f.costs());
    anyOf(builder, Fields.LANGUAGE, f.languages());
    for (String feature : f.accessibility()) {
      builder.add(term(Fields.ACCESSIBILITY, feature), Occur.FILTER);
    }
    if (f.age() != null) {
      builder.add(IntPoint.newRangeQuery(Fields.MIN_AGE, 0, f.age()), Occur.FILTER);
      builder.add(IntPoint.newRangeQuery(Fields.MAX_AGE, f.age(), Integer.MAX_VALUE), Occur.FILTER);
    }
    if (f.womenOnly()) {
      builder.add(term(Fields.WOMEN_ONLY, "true"), Occur.FILTER);
    }
    if (f.menOnly()) {
      builder.add(term(Fields.MEN_ONLY, "true"), Occur.FILTER);
    }
    anyOf(builder, Fields.DELIVERY, f.delivery());
    anyOf(builder, Fields.KIND, f.kinds());
    if (f.crisisOnly()) {
      builder.add(term(Fields.CRISIS, "true"), Occur.FILTER);
    }
    if (f.day() != null) {
      builder.add(day(f.day(), f.timeFrom(), f.timeTo()), Occur.FILTER);
    }
    if (f.openAt() != null) {
      builder.add(openAt(f.openAt()), Occur.FILTER);
    }
    place(builder, query);
  }

  /**
   * Within the radius, or reachable without travelling: online and phone listings pass a radius
   * when the delivery filter allows them.
   */
  private static void place(BooleanQuery.Builder builder, SearchQuery query) {
    GeoPoint point = query.point();
    if (point == null || query.radiusKm() == null) {
      return;
    }
    Query within =
        LatLonPoint.newDistanceQuery(
            Fields.LOCATION, point.lat(), point.lon(), query.radiusKm() * 1000.0);
    List<String> allowed =
        query.filters().delivery().isEmpty()
            ? REMOTE
            : REMOTE.stream().filter(query.filters().delivery()::contains).toList();
    if (allowed.isEmpty()) {
      builder.add(within, Occur.FILTER);
      return;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder().add(within, Occur.SHOULD);
    for (String mode : allowed) {
      either.add(term(Fields.DELIVERY, mode), Occur.SHOULD);
    }
    builder.add(either.build(), Occur.FILTER);
  }

  /** Sessions on that weekday overlapping the window, any date; always-open services match. */
  static Query day(int dayOfWeek, Integer fromMinute, Integer toMinute) {
    int base = (dayOfWeek - 1) * ListingDocuments.MINUTES_PER_DAY;
    int from = fromMinute == null ? 0 : fromMinute;
    int to = toMinute == null ? ListingDocuments.MINUTES_PER_DAY : toMinute;
    Query sessions =
        IntRange.newIntersectsQuery(
            Fields.SLOT,
            new int[] {base + from, ListingDocuments.FIRST_DAY},
            new int[] {base + Math.max(from, to - 1), ListingDocuments.LAST_DAY});
    return new BooleanQuery.Builder()
        .add(sessions, Occur.SHOULD)
        .add(term(Fields.OPEN_24_7, "true"), Occur.SHOULD)
        .build();
  }

  /** A session running at that local time on a date the schedule is valid and not closed. */
  static Query openAt(LocalDateTime at) {
    int minute =
        (at.getDayOfWeek().getValue() - 1) * ListingDocuments.MINUTES_PER_DAY
            + at.getHour() * 60
            + at.getMinute();
    int day = (int) at.toLocalDate().toEpochDay();
    Query running =
        new BooleanQuery.Builder()
            .add(
                IntRange.newIntersectsQuery(
                    Fields.SLOT, new int[] {minute, day}, new int[] {minute, day}),
                Occur.FILTER)
            .add(
                IntRange.newIntersectsQuery(Fields.CLOSED, new int[] {day}, new int[] {day}),
                Occur.MUST_NOT)
            .build();
    return new BooleanQuery.Builder()
        .add(running, Occur.SHOULD)
        .add(term(Fields.OPEN_24_7, "true"), Occur.SHOULD)
        .build();
  }

  private static void anyOf(BooleanQuery.Builder builder, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() == 1) {
      builder.add(term(field, values.get(0)), Occur.FILTER);
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String value : values) {
      any.add(term(field, value), Occur.SHOULD);
    }
    builder.add(any.build(), Occur.FILTER);
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
