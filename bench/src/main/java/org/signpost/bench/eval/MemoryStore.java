package org.signpost.bench.eval;

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
import org.signpost.core.listing.Revision;
import org.signpost.core.listing.RevisionRepository;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;

/**
 * In-memory stores for an evaluation run: the real import and listing services write here instead
 * of DynamoDB, and the real search service reads the change feed. Thread-safe.
 */
final class MemoryStore {
  final Listings listings = new Listings();
  final Organisations organisations = new Organisations();
  final Revisions revisions = new Revisions();

  /** Listings, with the change feed over them. */
  static final class Listings implements ListingRepository, ListingChangeFeed {
    private final Map<String, Listing> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Listing> find(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Listing create(Listing listing) {
      Listing stored = withVersion(listing, 1);
      if (byId.putIfAbsent(listing.id(), stored) != null) {
        throw new SignpostException.Conflict("listing " + listing.id() + " exists");
      }
      return stored;
    }

    @Override
    public Listing update(Listing listing) {
      Listing stored = withVersion(listing, listing.version() + 1);
      byId.put(listing.id(), stored);
      return stored;
    }

    @Override
    public List<Listing> awaitingReview() {
      return byId.values().stream().filter(Listing::awaitingReview).toList();
    }

    @Override
    public List<Listing> byOrganisation(String organisationId) {
      return byId.values().stream().filter(l -> l.organisationId().equals(organisationId)).toList();
    }

    @Override
    public void scanAll(Consumer<Listing> sink) {
      byId.values().stream().sorted(Comparator.comparing(Listing::id)).forEach(sink);
    }

    @Override
    public List<Listing> changedSince(String afterChangeKey) {
      return List.of();
    }

    List<Listing> all() {
      return new ArrayList<>(byId.values());
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

  /** Organisations. */
  static final class Organisations implements OrganisationRepository {
    private final Map<String, Organisation> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Organisation> find(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Organisation create(Organisation organisation) {
      if (byId.putIfAbsent(organisation.id(), organisation) != null) {
        throw new SignpostException.Conflict("organisation " + organisation.id() + " exists");
      }
      return organisation;
    }

    @Override
    public Organisation update(Organisation organisation) {
      byId.put(organisation.id(), organisation);
      return organisation;
    }

    @Override
    public List<Organisation> all() {
      return List.copyOf(byId.values());
    }
  }

  /** Revisions are not needed for evaluation; they are dropped. */
  static final class Revisions implements RevisionRepository {
    @Override
    public void append(Revision revision) {}

    @Override
    public List<Revision> history(String listingId) {
      return List.of();
    }
  }
}
