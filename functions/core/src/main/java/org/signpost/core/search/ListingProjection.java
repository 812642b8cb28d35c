package org.signpost.core.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.NextSession;
import org.signpost.core.listing.Vocabulary;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;

/** Maps a stored listing to what the index holds. Only public fields cross this line. */
public final class ListingProjection {
  private ListingProjection() {}

  public static IndexedListing toIndexed(Listing listing) {
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
    List<IndexedListing.WeeklySlot> slots = new ArrayList<>();
    for (ListingContent.WeeklySession s : c.schedule().weekly()) {
      slots.add(
          new IndexedListing.WeeklySlot(
              NextSession.dayOf(s.day()).getValue(), minutes(s.start()), minutes(s.end())));
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
        slots);
  }

  private static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
  }
}
