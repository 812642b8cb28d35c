package org.signpost.core.embed;

import java.util.List;
import java.util.Optional;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listings store that embeds each listing's live content as it is written, so the vector is
 * stored with the listing and no search environment ever has to embed at start. A listing whose
 * text has not changed keeps the vector it has. When the model is unavailable listings are stored
 * without a vector and search falls back to keywords for them. Thread-safe if both ports are.
 */
public final class EmbeddingListings implements ListingRepository {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingListings.class);

  private final ListingRepository store;
  private final Embedder embedder;

  public EmbeddingListings(ListingRepository store, Embedder embedder) {
    this.store = store;
    this.embedder = embedder;
  }

  @Override
  public Optional<Listing> find(String id) {
    return store.find(id);
  }

  @Override
  public Listing create(Listing listing) {
    return store.create(embedded(listing));
  }

  @Override
  public Listing update(Listing listing) {
    return store.update(embedded(listing));
  }

  @Override
  public List<Listing> awaitingReview() {
    return store.awaitingReview();
  }

  @Override
  public List<Listing> byOrganisation(String organisationId) {
    return store.byOrganisation(organisationId);
  }

  @Override
  public boolean derivedDataCurrent(Listing stored) {
    return !embedder.available()
        || (stored.embedding() != null
            && stored.embedding().matches(embedder.model(), ListingText.of(stored.content())));
  }

  /** The listing with an embedding of its live content, reusing the one it has when current. */
  Listing embedded(Listing listing) {
    if (!embedder.available()) {
      return listing;
    }
    String text = ListingText.of(listing.content());
    if (listing.embedding() != null && listing.embedding().matches(embedder.model(), text)) {
      return listing;
    }
    try {
      float[] vector = embedder.embed(text);
      return listing.withEmbedding(
          new Embedding(embedder.model(), Embedding.fingerprint(text), Embedding.quantise(vector)));
    } catch (RuntimeException e) {
      // The listing is still worth storing: search finds it by keywords until it is re-embedded.
      LOG.warn("listing {} stored without an embedding: {}", listing.id(), e.toString());
      return listing.withEmbedding(null);
    }
  }
}
