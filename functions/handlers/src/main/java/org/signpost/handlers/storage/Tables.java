package org.signpost.handlers.storage;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Every table and index, defined once. Tests and the local runtime create tables from here, and a
 * test checks that template.yaml declares the same keys and indexes.
 */
public final class Tables {
  public static final String LISTINGS = "listings";
  public static final String ORGANISATIONS = "organisations";
  public static final String POSTCODES = "postcodes";
  public static final String SETTINGS = "settings";
  public static final String CHANGES = "changes";
  public static final String BY_ORGANISATION = "byOrganisation";
  public static final String REVISIONS = "revisions";
  public static final String AWAITING_REVIEW = "awaitingReview";
  public static final String REFERRALS = "referrals";
  public static final String GUARDS = "guards";
  public static final String OUTBOX = "outbox";
  public static final String BY_REFERRER = "byReferrer";
  public static final String BY_TOKEN = "byToken";
  public static final String MEMBERSHIPS = "memberships";
  public static final String UNMET_NEEDS = "unmetneeds";

  /**
   * The most UTF-8 bytes a key value from a request may have. DynamoDB refuses partition keys over
   * 2,048 bytes with an error; no stored id comes near this, so a longer one simply matches
   * nothing.
   */
  static final int MAX_KEY_BYTES = 1_024;

  /** Whether a caller-supplied key could name a stored item; if not, a lookup finds nothing. */
  static boolean storableKey(String key) {
    return key != null
        && !key.isEmpty()
        && key.length() <= MAX_KEY_BYTES
        && key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
  }

  /** Spreads the change log over a few partitions so no single GSI key gets hot. */
  public static final int CHANGE_BUCKETS = 4;

  // Building a schema reflects over the bean; it costs tens of milliseconds, so do it once.
  public static final TableSchema<ListingItem> LISTING_SCHEMA =
      TableSchema.fromBean(ListingItem.class);
  public static final TableSchema<OrganisationItem> ORGANISATION_SCHEMA =
      TableSchema.fromBean(OrganisationItem.class);
  public static final TableSchema<RevisionItem> REVISION_SCHEMA =
      TableSchema.fromBean(RevisionItem.class);
  public static final TableSchema<ReferralItem> REFERRAL_SCHEMA =
      TableSchema.fromBean(ReferralItem.class);
  public static final TableSchema<GuardItem> GUARD_SCHEMA = TableSchema.fromBean(GuardItem.class);
  public static final TableSchema<OutboxItem> OUTBOX_SCHEMA =
      TableSchema.fromBean(OutboxItem.class);
  public static final TableSchema<PostcodeItem> POSTCODE_SCHEMA =
      TableSchema.fromBean(PostcodeItem.class);
  public static final TableSchema<SettingItem> SETTING_SCHEMA =
      TableSchema.fromBean(SettingItem.class);
  public static final TableSchema<MembershipItem> MEMBERSHIP_SCHEMA =
      TableSchema.fromBean(MembershipItem.class);
  public static final TableSchema<UnmetNeedItem> UNMET_NEED_SCHEMA =
      TableSchema.fromBean(UnmetNeedItem.class);

  /** A table and the global secondary indexes it carries. */
  public record Definition(String name, TableSchema<?> schema, List<String> indexes) {}

  public static final List<Definition> ALL =
      List.of(
          new Definition(
              LISTINGS, LISTING_SCHEMA, List.of(CHANGES, BY_ORGANISATION, AWAITING_REVIEW)),
          new Definition(ORGANISATIONS, ORGANISATION_SCHEMA, List.of()),
          new Definition(REVISIONS, REVISION_SCHEMA, List.of()),
          new Definition(
              REFERRALS, REFERRAL_SCHEMA, List.of(BY_ORGANISATION, BY_REFERRER, BY_TOKEN)),
          new Definition(GUARDS, GUARD_SCHEMA, List.of()),
          new Definition(OUTBOX, OUTBOX_SCHEMA, List.of()),
          new Definition(POSTCODES, POSTCODE_SCHEMA, List.of()),
          new Definition(SETTINGS, SETTING_SCHEMA, List.of()),
          new Definition(MEMBERSHIPS, MEMBERSHIP_SCHEMA, List.of()),
          new Definition(UNMET_NEEDS, UNMET_NEED_SCHEMA, List.of()));

  private Tables() {}

  public static String bucketFor(String id) {
    return "C#" + Math.floorMod(id.hashCode(), CHANGE_BUCKETS);
  }

  /** Creates any missing table (on-demand, all indexes projecting everything). */
  public static void createAll(DynamoDbClient client, String prefix) {
    DynamoDbEnhancedClient enhanced =
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    for (Definition definition : ALL) {
      DynamoDbTable<?> table = enhanced.table(prefix + definition.name(), definition.schema());
      CreateTableEnhancedRequest.Builder request = CreateTableEnhancedRequest.builder();
      if (!definition.indexes().isEmpty()) {
        request.globalSecondaryIndices(
            definition.indexes().stream()
                .map(
                    index ->
                        EnhancedGlobalSecondaryIndex.builder()
                            .indexName(index)
                            .projection(
                                Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build())
                .toList());
      }
      try {
        table.createTable(request.build());
      } catch (ResourceInUseException exists) {
        // already there: creating is idempotent for callers
      }
    }
  }
}
