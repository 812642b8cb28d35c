package org.signpost.handlers.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.signpost.core.embed.Embedding;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.search.SearchService;
import org.signpost.core.time.Clocks;
import org.signpost.handlers.http.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Listings in DynamoDB through the Enhanced Client. Every write is conditional on the version
 * attribute and stamps the change-log keys. Thread-safe.
 */
public final class DynamoListingRepository implements ListingRepository, ListingChangeFeed {
  private static final String REVIEW = "REVIEW";
  private final DynamoDbTable<ListingItem> table;
  private final DynamoDbIndex<ListingItem> changes;
  private final DynamoDbIndex<ListingItem> byOrganisation;
  private final DynamoDbIndex<ListingItem> awaitingReview;

  public DynamoListingRepository(DynamoDbEnhancedClient client, String tablePrefix) {
    this.table = client.table(tablePrefix + Tables.LISTINGS, Tables.LISTING_SCHEMA);
    this.changes = table.index(Tables.CHANGES);
    this.byOrganisation = table.index(Tables.BY_ORGANISATION);
    this.awaitingReview = table.index(Tables.AWAITING_REVIEW);
  }

  @Override
  public Optional<Listing> find(String id) {
    if (!Tables.storableKey(id)) {
      return Optional.empty();
    }
    ListingItem item =
        table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true));
    return Optional.ofNullable(item).map(DynamoListingRepository::toListing);
  }

  @Override
  public Listing create(Listing listing) {
    ListingItem item = toItem(listing);
    item.setVersion(null);
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(ListingItem.class)
              .item(item)
              .conditionExpression(
                  Expression.builder().expression("attribute_not_exists(id)").build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.Conflict("a listing with id " + listing.id() + " exists");
    }
    item.setVersion(1L);
    return toListing(item);
  }

  @Override
  public Listing update(Listing listing) {
    ListingItem item = toItem(listing);
    try {
      // The version extension conditions the put on the stored version and increments it.
      table.putItem(item);
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.PreconditionFailed(
          "listing "
              + listing.id()
              + " changed since version "
              + listing.version()
              + "; reload it and apply your change again");
    }
    // The put does not hand back the version it wrote: it is always the stored one plus one.
    item.setVersion(listing.version() + 1);
    return toListing(item);
  }

  @Override
  public List<Listing> byOrganisation(String organisationId) {
    List<Listing> out = new ArrayList<>();
    if (!Tables.storableKey(organisationId)) {
      return out;
    }
    byOrganisation
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(
                    QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(organisationId).build()))
                .scanIndexForward(false)
                .build())
        .forEach(page -> page.items().forEach(item -> out.add(toListing(item))));
    return out;
  }

  @Override
  public List<Listing> awaitingReview() {
    List<Listing> out = new ArrayList<>();
    awaitingReview
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(
                    QueryConditional.keyEqualTo(Key.builder().partitionValue(REVIEW).build()))
                .build())
        .forEach(page -> page.items().forEach(item -> out.add(toListing(item))));
    return out;
  }

  @Override
  public void scanAll(Consumer<Listing> sink) {
    table.scan().items().forEach(item -> sink.accept(toListing(item)));
  }

  @Override
  public List<Listing> changedSince(String afterChangeKey) {
    List<ListingItem> items = new ArrayList<>();
    for (int bucket = 0; bucket < Tables.CHANGE_BUCKETS; bucket++) {
      Key key = Key.builder().partitionValue("C#" + bucket).sortValue(afterChangeKey).build();
      changes
          .query(
              QueryEnhancedRequest.builder()
                  .queryConditional(QueryConditional.sortGreaterThan(key))
                  .build())
          .forEach(page -> items.addAll(page.items()));
    }
    items.sort(Comparator.comparing(ListingItem::getChgSort));
    return items.stream().map(DynamoListingRepository::toListing).toList();
  }

  static ListingItem toItem(Listing listing) {
    ListingItem item = new ListingItem();
    item.setId(listing.id());
    item.setOrganisationId(listing.organisationId());
    item.setOrganisationName(listing.organisationName());
    item.setStatus(listing.status());
    item.setVersion(listing.version() == 0 ? null : listing.version());
    item.setLastModified(Clocks.sortable(listing.lastModified()));
    item.setAssuredDate(listing.assuredDate());
    item.setNextSession(listing.nextSession());
    item.setContent(Json.write(listing.content()));
    item.setPending(listing.pending() == null ? null : Json.write(listing.pending()));
    item.setModerationNote(listing.moderationNote());
    item.setChgBucket(Tables.bucketFor(listing.id()));
    item.setChgSort(SearchService.changeKey(listing));
    item.setReviewFlag(listing.awaitingReview() ? REVIEW : null);
    if (listing.embedding() != null) {
      item.setVector(listing.embedding().vector());
      item.setVectorModel(listing.embedding().model());
      item.setVectorText(listing.embedding().fingerprint());
    }
    return item;
  }

  static Listing toListing(ListingItem item) {
    return new Listing(
        item.getId(),
        item.getOrganisationId(),
        item.getOrganisationName(),
        content(item.getContent()),
        item.getStatus(),
        item.getVersion() == null ? 0 : item.getVersion(),
        item.getAssuredDate(),
        Instant.parse(item.getLastModified()),
        item.getNextSession(),
        item.getPending() == null ? null : content(item.getPending()),
        item.getModerationNote(),
        embedding(item));
  }

  private static Embedding embedding(ListingItem item) {
    if (item.getVector() == null
        || item.getVector().length == 0
        || item.getVectorModel() == null
        || item.getVectorText() == null) {
      return null;
    }
    return new Embedding(item.getVectorModel(), item.getVectorText(), item.getVector());
  }

  private static ListingContent content(String json) {
    try {
      return Json.MAPPER.readValue(json, ListingContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored listing content is not readable", e);
    }
  }
}
