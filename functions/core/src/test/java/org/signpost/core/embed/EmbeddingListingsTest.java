package org.signpost.core.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.Listings;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;

class EmbeddingListingsTest {
  /** A deterministic stand-in for the model that counts its calls. */
  private static final class CountingEmbedder implements Embedder {
    final AtomicInteger calls = new AtomicInteger();
    boolean up = true;

    @Override
    public String model() {
      return "test-model";
    }

    @Override
    public boolean available() {
      return up;
    }

    @Override
    public float[] embed(String text) {
      calls.incrementAndGet();
      return new float[] {text.length(), -1f, 0.5f};
    }
  }

  private final InMemoryListings store = new InMemoryListings();
  private final CountingEmbedder model = new CountingEmbedder();
  private final EmbeddingListings listings = new EmbeddingListings(store, model);

  private static Listing listing(ListingContent content) {
    return new Listing(
        "l-1",
        "org-1",
        "Org",
        content,
        Listing.PUBLISHED,
        0,
        null,
        Instant.EPOCH,
        null,
        null,
        null);
  }

  @Test
  void create_storesTheEmbeddingOfTheLiveContent() {
    Listing saved = listings.create(listing(Listings.content("Knit and Natter")));

    assertThat(saved.embedding()).isNotNull();
    assertThat(saved.embedding().model()).isEqualTo("test-model");
    assertThat(saved.embedding().vector()).hasSize(3);
    assertThat(saved.embedding().matches("test-model", ListingText.of(saved.content()))).isTrue();
    assertThat(store.find("l-1").orElseThrow().embedding()).isEqualTo(saved.embedding());
  }

  @Test
  void update_reusesTheEmbedding_whenTheTextIsUnchanged_andRedoesItWhenItChanged() {
    Listing saved = listings.create(listing(Listings.content("Knit and Natter")));
    listings.update(saved.withStatus(Listing.ARCHIVED, Instant.EPOCH));
    assertThat(model.calls).hasValue(1);

    Listing current = store.find("l-1").orElseThrow();
    Listing edited =
        listings.update(
            current.withContent(
                Listings.content("Knit, Natter and Cake"), Listing.PUBLISHED, Instant.EPOCH, null));

    assertThat(model.calls).hasValue(2);
    assertThat(edited.embedding()).isNotEqualTo(saved.embedding());
  }

  @Test
  void withoutAModel_listingsAreStoredWithoutVectors_andCountAsCurrent() {
    model.up = false;
    Listing saved = listings.create(listing(Listings.content("Knit and Natter")));

    assertThat(saved.embedding()).isNull();
    assertThat(listings.derivedDataCurrent(saved)).isTrue();
    assertThat(model.calls).hasValue(0);
  }

  @Test
  void derivedDataCurrent_isFalse_forAListingStoredBeforeTheModelCame() {
    Listing old = store.create(listing(Listings.content("Knit and Natter")));

    assertThat(listings.derivedDataCurrent(old)).isFalse();
  }

  @Test
  void quantise_scalesByTheLargestComponent_andKeepsSigns() {
    assertThat(Embedding.quantise(new float[] {1f, -0.25f, 0f})).containsExactly(127, -32, 0);
    assertThat(Embedding.quantise(new float[] {0f, 0f})).containsExactly(0, 0);
  }

  @Test
  void listingText_putsNameLabelsAndAudienceBeforeTheDescription() {
    String text = ListingText.of(Listings.content("Knit and Natter"));

    assertThat(text).startsWith("Knit and Natter");
    assertThat(ListingText.label("english_language")).isEqualTo("english language");
    assertThat(ListingText.firstWords("one two three", 2)).isEqualTo("one two");
  }
}
