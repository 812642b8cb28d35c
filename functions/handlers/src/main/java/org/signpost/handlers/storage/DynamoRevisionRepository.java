package org.signpost.handlers.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.signpost.core.listing.Revision;
import org.signpost.core.listing.RevisionRepository;
import org.signpost.core.time.Clocks;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The listing audit trail in DynamoDB: one item per change. Thread-safe. */
public final class DynamoRevisionRepository implements RevisionRepository {
  private final DynamoDbTable<RevisionItem> table;

  public DynamoRevisionRepository(DynamoDbEnhancedClient client, String tablePrefix) {
    this.table = client.table(tablePrefix + Tables.REVISIONS, Tables.REVISION_SCHEMA);
  }

  @Override
  public void append(Revision revision) {
    RevisionItem item = new RevisionItem();
    item.setListingId(revision.listingId());
    item.setRevisionKey(
        Clocks.sortable(revision.at()) + "#" + String.format("%012d", revision.version()));
    item.setVersion(revision.version());
    item.setAt(Clocks.sortable(revision.at()));
    item.setActor(revision.actor());
    item.setAction(revision.action());
    item.setChanges(ListingCodec.writeChanges(revision.changes()));
    item.setNote(revision.note());
    table.putItem(item);
  }

  @Override
  public List<Revision> history(String listingId) {
    List<Revision> out = new ArrayList<>();
    if (!Tables.storableKey(listingId)) {
      return out;
    }
    table
        .query(QueryConditional.keyEqualTo(Key.builder().partitionValue(listingId).build()))
        .items()
        .forEach(item -> out.add(toRevision(item)));
    return out;
  }

  private static Revision toRevision(RevisionItem item) {
    return new Revision(
        item.getListingId(),
        item.getVersion() == null ? 0 : item.getVersion(),
        Instant.parse(item.getAt()),
        item.getActor(),
        item.getAction(),
        ListingCodec.readChanges(item.getListingId(), item.getChanges()),
        item.getNote());
  }
}
