package org.signpost.handlers.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Organisations in DynamoDB; writes are conditional on version. Thread-safe. */
public final class DynamoOrganisationRepository implements OrganisationRepository {
  private final DynamoDbTable<OrganisationItem> table;

  public DynamoOrganisationRepository(DynamoDbEnhancedClient client, String tablePrefix) {
    this.table = client.table(tablePrefix + Tables.ORGANISATIONS, Tables.ORGANISATION_SCHEMA);
  }

  @Override
  public Optional<Organisation> find(String id) {
    if (!Tables.storableKey(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            table.getItem(
                r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)))
        .map(DynamoOrganisationRepository::toOrganisation);
  }

  @Override
  public Organisation create(Organisation organisation) {
    return create(organisation, null);
  }

  @Override
  public Organisation createRequested(Organisation organisation, String requestedBy) {
    return create(organisation, requestedBy);
  }

  @Override
  public Optional<String> requestedBy(String id) {
    return Optional.ofNullable(
            table.getItem(
                r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)))
        .map(OrganisationItem::getRequestedBy);
  }

  private Organisation create(Organisation organisation, String requestedBy) {
    OrganisationItem item = toItem(organisation);
    item.setRequestedBy(requestedBy);
    item.setVersion(null);
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(OrganisationItem.class)
              .item(item)
              .conditionExpression(
                  Expression.builder().expression("attribute_not_exists(id)").build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.Conflict("organisation " + organisation.id() + " exists");
    }
    item.setVersion(1L);
    return toOrganisation(item);
  }

  @Override
  public Organisation update(Organisation organisation) {
    OrganisationItem item = toItem(organisation);
    try {
      table.putItem(item);
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.PreconditionFailed(
          "organisation " + organisation.id() + " changed; reload it and try again");
    }
    item.setVersion(organisation.version() + 1);
    return toOrganisation(item);
  }

  @Override
  public List<Organisation> all() {
    List<Organisation> out = new ArrayList<>();
    table.scan().items().forEach(item -> out.add(toOrganisation(item)));
    return out;
  }

  private static OrganisationItem toItem(Organisation o) {
    OrganisationItem item = new OrganisationItem();
    item.setId(o.id());
    item.setName(o.name());
    item.setDescription(o.description());
    item.setStatus(o.status());
    item.setTrusted(o.trusted());
    item.setVersion(o.version() == 0 ? null : o.version());
    return item;
  }

  private static Organisation toOrganisation(OrganisationItem item) {
    return new Organisation(
        item.getId(),
        item.getName(),
        item.getDescription(),
        item.getStatus(),
        Boolean.TRUE.equals(item.getTrusted()),
        item.getVersion() == null ? 0 : item.getVersion());
  }
}
