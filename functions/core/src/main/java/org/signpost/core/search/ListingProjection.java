package org.signpost.core.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.NextSession;
import org.signpost.core.listing.Vocabulary;
import org.signpost.core.time.Clocks;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;

/** Maps a stored listing to what the index holds. Only public fields cross this line. */
public final class ListingProjection {
  /**
   * How far ahead fortnightly and monthly sessions are worked out to dates; an environment lives
   * for hours, so this is ample, and "open now" needs only today's.
   */
  static final int DATED_HORIZON_DAYS = 60;

  private ListingProjection() {}

  public static IndexedListing toIndexed(Listing listing) {
    return toIndexed(listing, LocalDate.now(Clocks.LONDON));
  }

  /**
   * The index projection. Needs served through categories are folded in, and the provider's own
   * needs are kept apart so results can say which is which.
   */
  public static IndexedListing toIndexed(Listing listing, LocalDate today) {
    ListingContent c = listing.content();
    List<GeoPoint> points = new ArrayList<>();
    for (ListingContent.Location location : c.locations()) {
      if (location.lat() != null && location.lon() != null) {
        points.add(new GeoPoint(location.lat(), location.lon()));
      }
    }
    Set<String> needs = new LinkedHashSet<>(c.needs());
    for (String category : c.categories()) {
      needs.addAll(Vocabulary.CATEGORY_NEEDS.getOrDefault(category, List.of()));
    }
    ListingContent.Schedule schedule = c.schedule();
    List<IndexedListing.WeeklySlot> weekly = new ArrayList<>();
    List<IndexedListing.DatedSlot> dated = new ArrayList<>();
    for (ListingContent.WeeklySession s : schedule.weekly()) {
      String frequency = s.frequency() == null ? "weekly" : s.frequency();
      if (frequency.equals("weekly")) {
        weekly.add(
            new IndexedListing.WeeklySlot(
                NextSession.dayOf(s.day()).getValue(), minutes(s.start()), minutes(s.end())));
        continue;
      }
      for (int offset = -1; offset <= DATED_HORIZON_DAYS; offset++) {
        LocalDate date = today.plusDays(offset);
        if (NextSession.runsOn(s, date)) {
          dated.add(new IndexedListing.DatedSlot(date, minutes(s.start()), minutes(s.end())));
        }
      }
    }
    for (ListingContent.OneOffSession s : schedule.oneOff()) {
      dated.add(
          new IndexedListing.DatedSlot(
              LocalDate.parse(s.date()), minutes(s.start()), minutes(s.end())));
    }
    List<IndexedListing.DateRange> closures = new ArrayList<>();
    for (ListingContent.Closure closure : schedule.closures()) {
      closures.add(
          new IndexedListing.DateRange(
              LocalDate.parse(closure.from()), LocalDate.parse(closure.to())));
    }
    return new IndexedListing(
        listing.id(),
        listing.version(),
        listing.isPublished(),
        c.kind(),
        c.name(),
        c.summary(),
        c.description(),
        c.categories(),
        List.copyOf(needs),
        points,
        c.delivery(),
        c.languages(),
        c.accessibility(),
        c.cost().type(),
        c.eligibility().minimumAge(),
        c.eligibility().maximumAge(),
        c.eligibility().womenOnly(),
        c.eligibility().menOnly(),
        c.crisis(),
        listing.organisationId(),
        listing.organisationName(),
        listing.assuredDate(),
        listing.nextSession(),
        weekly,
        c.needs(),
        c.open247(),
        date(schedule.validFrom()),
        date(schedule.validTo()),
        closures,
        dated,
        extras(listing));
  }

  /**
   * Searchable text beyond name and description, and the stored embedding (never computed here).
   */
  private static IndexedListing.Extras extras(Listing listing) {
    ListingContent c = listing.content();
    List<String> places = new ArrayList<>();
    for (ListingContent.Location location : c.locations()) {
      StringBuilder place = new StringBuilder();
      if (location.name() != null) {
        place.append(location.name()).append(", ");
      }
      if (location.address() != null) {
        place.append(location.address());
      }
      if (location.postcode() != null) {
        place.append(' ').append(location.postcode());
      }
      if (!place.isEmpty()) {
        places.add(place.toString());
      }
    }
    return new IndexedListing.Extras(
        c.alternateName(),
        c.keywords(),
        c.eligibility().whoFor(),
        places,
        listing.embedding() == null ? null : listing.embedding().vector());
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
  }
}
