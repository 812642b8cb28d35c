package org.signpost.core.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.search.SearchService;

/** An in-memory listings store with the same versioning rules as DynamoDB's. Thread-safe. */
public final class InMemoryListings implements ListingRepository, ListingChangeFeed {
  private final Map<String, Listing> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<Listing> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Listing create(Listing listing) {
    if (byId.containsKey(listing.id())) {
      throw new SignpostException.Conflict("exists: " + listing.id());
    }
    Listing stored = withVersion(listing, 1);
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized Listing update(Listing listing) {
    Listing current = byId.get(listing.id());
    if (current == null || current.version() != listing.version()) {
      throw new SignpostException.PreconditionFailed("stale: " + listing.id());
    }
    Listing stored = withVersion(listing, listing.version() + 1);
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public List<Listing> byOrganisation(String organisationId) {
    return byId.values().stream().filter(l -> l.organisationId().equals(organisationId)).toList();
  }

  @Override
  public List<Listing> awaitingReview() {
    return byId.values().stream()
        .filter(Listing::awaitingReview)
        .sorted(Comparator.comparing(SearchService::changeKey))
        .toList();
  }

  @Override
  public void scanAll(Consumer<Listing> sink) {
    byId.values().forEach(sink);
  }

  @Override
  public List<Listing> changedSince(String afterChangeKey) {
    List<Listing> out = new ArrayList<>();
    for (Listing listing : byId.values()) {
      if (SearchService.changeKey(listing).compareTo(afterChangeKey) > 0) {
        out.add(listing);
      }
    }
    out.sort(Comparator.comparing(SearchService::changeKey));
    return out;
  }

  private static Listing withVersion(Listing l, long version) {
    return new Listing(
        l.id(),
        l.organisationId(),
        l.organisationName(),
        l.content(),
        l.status(),
        version,
        l.assuredDate(),
        l.lastModified(),
        l.nextSession(),
        l.pending(),
        l.moderationNote(),
        l.embedding());
  }
}
