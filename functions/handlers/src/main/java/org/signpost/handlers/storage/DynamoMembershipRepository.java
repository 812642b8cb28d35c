package org.signpost.handlers.storage;

import java.util.List;
import java.util.Optional;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.MembershipRepository;
import org.signpost.core.auth.Role;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Memberships in DynamoDB, one item per subject. Thread-safe. */
public final class DynamoMembershipRepository implements MembershipRepository {
  private final DynamoDbTable<MembershipItem> table;

  public DynamoMembershipRepository(DynamoDbEnhancedClient client, String tablePrefix) {
    this.table = client.table(tablePrefix + Tables.MEMBERSHIPS, Tables.MEMBERSHIP_SCHEMA);
  }

  @Override
  public Optional<Membership> find(String subject) {
    return Optional.ofNullable(table.getItem(key(subject))).flatMap(DynamoMembershipRepository::of);
  }

  @Override
  public void put(Membership membership) {
    MembershipItem item = new MembershipItem();
    item.setSub(membership.subject());
    item.setRole(membership.role().groupName());
    item.setOrganisationId(membership.organisationId().orElse(null));
    table.putItem(item);
  }

  @Override
  public boolean delete(String subject) {
    return table.deleteItem(key(subject)) != null;
  }

  @Override
  public List<Membership> all() {
    return table.scan().items().stream()
        .map(DynamoMembershipRepository::of)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Key key(String subject) {
    return Key.builder().partitionValue(subject).build();
  }

  /** An item whose role no longer parses grants nothing. */
  private static Optional<Membership> of(MembershipItem item) {
    return Role.parse(item.getRole())
        .map(
            role ->
                new Membership(item.getSub(), role, Optional.ofNullable(item.getOrganisationId())));
  }
}
