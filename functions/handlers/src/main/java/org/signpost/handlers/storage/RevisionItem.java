package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The DynamoDB item of one audited listing change. Mutable bean; not thread-safe. */
@DynamoDbBean
public class RevisionItem {
  private String listingId;
  private String revisionKey;
  private Long version;
  private String at;
  private String actor;
  private String action;
  private String changes;
  private String note;

  @DynamoDbPartitionKey
  public String getListingId() {
    return listingId;
  }

  public void setListingId(String listingId) {
    this.listingId = listingId;
  }

  /** Sortable time, then a zero-padded version, so history reads in order. */
  @DynamoDbSortKey
  public String getRevisionKey() {
    return revisionKey;
  }

  public void setRevisionKey(String revisionKey) {
    this.revisionKey = revisionKey;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getChanges() {
    return changes;
  }

  public void setChanges(String changes) {
    this.changes = changes;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
