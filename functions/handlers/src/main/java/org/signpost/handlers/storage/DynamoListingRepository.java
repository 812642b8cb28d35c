package org.signpost.handlers.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingRepository;
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
    return Optional.ofNullable(item).map(ListingCodec::toListing);
  }

  @Override
  public Listing create(Listing listing) {
    ListingItem item = ListingCodec.toItem(listing);
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
    return ListingCodec.toListing(item);
  }

  @Override
  public Listing update(Listing listing) {
    ListingItem item = ListingCodec.toItem(listing);
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
    return ListingCodec.toListing(item);
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
        .forEach(page -> page.items().forEach(item -> out.add(ListingCodec.toListing(item))));
    return out;
  }

  @Override
  public List<Listing> awaitingReview() {
    List<Listing> out = new ArrayList<>();
    awaitingReview
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(
                    QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(ListingCodec.REVIEW).build()))
                .build())
        .forEach(page -> page.items().forEach(item -> out.add(ListingCodec.toListing(item))));
    return out;
  }

  @Override
  public void scanAll(Consumer<Listing> sink) {
    table.scan().items().forEach(item -> sink.accept(ListingCodec.toListing(item)));
  }

  @Override
  public List<Listing> changedSince(String afterChangeKey) {
    return changedSince(afterChangeKey, (id, version) -> false);
  }

  @Override
  public List<Listing> changedSince(String afterChangeKey, BiPredicate<String, Long> known) {
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
    return items.stream()
        .filter(item -> !known.test(item.getId(), item.getVersion()))
        .map(ListingCodec::toListing)
        .toList();
  }
}
