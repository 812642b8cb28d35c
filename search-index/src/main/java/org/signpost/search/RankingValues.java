package org.signpost.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.SloppyMath;

/**
 * The relevance sort key: text score × freshness × proximity. Each factor depends only on the
 * document and the query, so the key of an unchanged listing stays put while the index changes.
 * Immutable and thread-safe.
 */
final class RankingValues extends DoubleValuesSource {
  /** Not verified for six months: ranked as if it matched a little worse. */
  static final double STALE_6_MONTHS = 0.75;

  /** Not verified for a year (or never): demoted further. */
  static final double STALE_12_MONTHS = 0.5;

  /** At this distance the proximity boost is half its maximum. */
  static final double PIVOT_METRES = 3_000;

  private final LocalDate today;
  private final GeoPoint point;
  private final Fusion fusion;

  RankingValues(LocalDate today, GeoPoint point) {
    this(today, point, null);
  }

  /**
   * @param fusion the fused keyword and semantic ranks to score by, or null to score by the keyword
   *     query alone
   */
  RankingValues(LocalDate today, GeoPoint point, Fusion fusion) {
    this.today = today;
    this.point = point;
    this.fusion = fusion;
  }

  static double freshness(long verifiedDay, LocalDate today) {
    if (today == null) {
      return 1;
    }
    long age = today.toEpochDay() - verifiedDay;
    if (age > 365) {
      return STALE_12_MONTHS;
    }
    return age > 182 ? STALE_6_MONTHS : 1;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues verified = DocValues.getNumeric(ctx.reader(), Fields.VERIFIED_DAY);
    SortedNumericDocValues locations =
        point == null ? null : DocValues.getSortedNumeric(ctx.reader(), Fields.LOCATION);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        double score = scores == null || !scores.advanceExact(doc) ? 1 : scores.doubleValue();
        if (fusion != null) {
          score = fusion.score(ctx.docBase + doc, score);
        }
        long day = verified.advanceExact(doc) ? verified.longValue() : Long.MIN_VALUE / 2;
        value = score * freshness(day, today) * proximity(doc);
        return true;
      }

      private double proximity(int doc) throws IOException {
        if (locations == null || !locations.advanceExact(doc)) {
          return 1;
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < locations.docValueCount(); i++) {
          long encoded = locations.nextValue();
          double lat = GeoEncodingUtils.decodeLatitude((int) (encoded >> 32));
          double lon = GeoEncodingUtils.decodeLongitude((int) (encoded & 0xFFFFFFFFL));
          best = Math.min(best, SloppyMath.haversinMeters(point.lat(), point.lon(), lat, lon));
        }
        return 1 + PIVOT_METRES / (PIVOT_METRES + best);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return true;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return Objects.hash(today, point, fusion);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RankingValues r
        && Objects.equals(today, r.today)
        && Objects.equals(point, r.point)
        && fusion == r.fusion;
  }

  @Override
  public String toString() {
    return "ranking(today=" + today + ", point=" + point + ")";
  }
}
