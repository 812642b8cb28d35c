package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A short-lived rate counter, keyed by a salted hash of a client and an hour. Mutable bean for the
 * Enhanced Client (table definition only; counts use an atomic update); not thread-safe.
 */
@DynamoDbBean
public class GuardItem {
  private String key;
  private Long hits;
  private Long expiresAt;

  @DynamoDbPartitionKey
  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public Long getHits() {
    return hits;
  }

  public void setHits(Long hits) {
    this.hits = hits;
  }

  /** Epoch seconds; the table's TTL attribute. */
  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}
