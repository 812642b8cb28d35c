package org.signpost.handlers.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.referral.Notifications;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRepository;
import org.signpost.core.referral.RequestGuards;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Referrals, rate counters and the outbox in DynamoDB. Writes are conditional on the version
 * attribute; nothing here logs item contents. Thread-safe.
 */
public final class DynamoReferralRepository
    implements ReferralRepository, RequestGuards, Notifications {
  private final DynamoDbTable<ReferralItem> table;
  private final DynamoDbIndex<ReferralItem> byOrganisation;
  private final DynamoDbIndex<ReferralItem> byReferrer;
  private final DynamoDbIndex<ReferralItem> byToken;
  private final DynamoDbTable<OutboxItem> outbox;
  private final DynamoDbClient client;
  private final String guardsTable;

  public DynamoReferralRepository(
      DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tablePrefix) {
    this.client = client;
    this.table = enhanced.table(tablePrefix + Tables.REFERRALS, Tables.REFERRAL_SCHEMA);
    this.byOrganisation = table.index(Tables.BY_ORGANISATION);
    this.byReferrer = table.index(Tables.BY_REFERRER);
    this.byToken = table.index(Tables.BY_TOKEN);
    this.outbox = enhanced.table(tablePrefix + Tables.OUTBOX, Tables.OUTBOX_SCHEMA);
    this.guardsTable = tablePrefix + Tables.GUARDS;
  }

  @Override
  public Referral create(Referral referral) {
    ReferralItem item = ReferralCodec.toItem(referral);
    item.setVersion(null);
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(ReferralItem.class)
              .item(item)
              .conditionExpression(
                  Expression.builder().expression("attribute_not_exists(id)").build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.Conflict("referral " + referral.id() + " exists");
    }
    item.setVersion(1L);
    return ReferralCodec.toReferral(item);
  }

  @Override
  public Optional<Referral> find(String id) {
    if (!Tables.storableKey(id)) {
      return Optional.empty();
    }
    ReferralItem item =
        table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true));
    return Optional.ofNullable(item).map(ReferralCodec::toReferral);
  }

  @Override
  public Optional<Referral> findByTokenHash(String tokenHash) {
    return query(byToken, tokenHash).stream().findFirst();
  }

  @Override
  public Referral update(Referral referral) {
    ReferralItem item = ReferralCodec.toItem(referral);
    try {
      table.putItem(item);
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.PreconditionFailed(
          "referral " + referral.id() + " changed since version " + referral.version());
    }
    item.setVersion(referral.version() + 1);
    return ReferralCodec.toReferral(item);
  }

  @Override
  public List<Referral> byOrganisation(String organisationId) {
    return query(byOrganisation, organisationId);
  }

  @Override
  public List<Referral> byReferrer(String subject) {
    return query(byReferrer, subject);
  }

  @Override
  public List<Referral> all() {
    List<Referral> out = new ArrayList<>();
    table.scan().items().forEach(item -> out.add(ReferralCodec.toReferral(item)));
    return out;
  }

  @Override
  public void delete(String id) {
    table.deleteItem(Key.builder().partitionValue(id).build());
  }

  @Override
  public List<Referral> expiredAt(Instant now) {
    List<Referral> out = new ArrayList<>();
    table
        .scan(
            ScanEnhancedRequest.builder()
                .filterExpression(
                    Expression.builder()
                        .expression("expiresAt <= :now")
                        .putExpressionValue(
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
                        .build())
                .build())
        .items()
        .forEach(item -> out.add(ReferralCodec.toReferral(item)));
    return out;
  }

  @Override
  public boolean admit(String clientHash, String submission, int limit, Instant expires) {
    // One conditional update: the set of distinct submissions grows only while under the limit,
    // and a submission already in it passes, so concurrent environments agree and replays are free.
    try {
      client.updateItem(
          r ->
              r.tableName(guardsTable)
                  .key(Map.of("key", AttributeValue.fromS("rate#" + clientHash)))
                  .updateExpression("ADD submissions :one SET expiresAt = :exp")
                  .conditionExpression(
                      "attribute_not_exists(submissions) OR size(submissions) < :limit"
                          + " OR contains(submissions, :id)")
                  .expressionAttributeValues(
                      Map.of(
                          ":one", AttributeValue.fromSs(List.of(submission)),
                          ":id", AttributeValue.fromS(submission),
                          ":limit", AttributeValue.fromN(Integer.toString(limit)),
                          ":exp", AttributeValue.fromN(Long.toString(expires.getEpochSecond())))));
      return true;
    } catch (ConditionalCheckFailedException full) {
      return false;
    }
  }

  @Override
  public boolean once(String key, Instant expires) {
    // UpdateItem creates the item; the condition lets only the first writer through.
    try {
      client.updateItem(
          r ->
              r.tableName(guardsTable)
                  .key(Map.of("key", AttributeValue.fromS("once#" + key)))
                  .updateExpression("SET expiresAt = :exp")
                  .conditionExpression("attribute_not_exists(expiresAt)")
                  .expressionAttributeValues(
                      Map.of(
                          ":exp", AttributeValue.fromN(Long.toString(expires.getEpochSecond())))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  public boolean marked(String key) {
    return client
        .getItem(
            r ->
                r.tableName(guardsTable)
                    .key(Map.of("key", AttributeValue.fromS("once#" + key)))
                    .consistentRead(true))
        .hasItem();
  }

  @Override
  public void add(Notification n) {
    OutboxItem item = new OutboxItem();
    item.setId(n.id());
    item.setKind(n.kind());
    item.setRecipient(n.recipient());
    item.setChannel(n.channel().code());
    item.setReferralId(n.referralId());
    item.setSubject(n.subject());
    item.setBody(n.body());
    item.setCreatedAt(n.createdAt().toString());
    item.setExpiresAt(n.createdAt().plus(java.time.Duration.ofDays(30)).getEpochSecond());
    outbox.putItem(item);
  }

  /** Notifications not yet sent, oldest first. */
  public List<OutboxItem> unsent() {
    List<OutboxItem> out = new ArrayList<>();
    outbox
        .scan(
            ScanEnhancedRequest.builder()
                .filterExpression(
                    Expression.builder().expression("attribute_not_exists(sentAt)").build())
                .build())
        .items()
        .forEach(out::add);
    out.sort(java.util.Comparator.comparing(OutboxItem::getCreatedAt));
    return out;
  }

  /** Marks a notification sent, once; false if another sender got there first. */
  public boolean markSent(OutboxItem item, Instant at) {
    item.setSentAt(at.toString());
    try {
      outbox.putItem(
          PutItemEnhancedRequest.builder(OutboxItem.class)
              .item(item)
              .conditionExpression(
                  Expression.builder().expression("attribute_not_exists(sentAt)").build())
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Undoes {@link #markSent} after a failed send, so the next run tries again. */
  public void releaseSent(OutboxItem item) {
    item.setSentAt(null);
    outbox.putItem(item);
  }

  private static List<Referral> query(DynamoDbIndex<ReferralItem> index, String key) {
    List<Referral> out = new ArrayList<>();
    if (!Tables.storableKey(key)) {
      return out;
    }
    index
        .query(QueryConditional.keyEqualTo(Key.builder().partitionValue(key).build()))
        .forEach(page -> page.items().forEach(item -> out.add(ReferralCodec.toReferral(item))));
    return out;
  }
}
