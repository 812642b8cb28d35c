package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * The DynamoDB item of a referral: the keys its indexes need, the TTL attribute, and the rest as
 * one JSON document ({@link ReferralCodec}). Mutable bean for the Enhanced Client; not thread-safe.
 */
@DynamoDbBean
public class ReferralItem {
  private String id;
  private String organisationId;
  private String referrerSubject;
  private String tokenHash;
  private String createdAt;
  private String status;
  private Long expiresAt;
  private String data;
  private Long version;

  @DynamoDbPartitionKey
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = Tables.BY_ORGANISATION)
  public String getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(String organisationId) {
    this.organisationId = organisationId;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = Tables.BY_REFERRER)
  public String getReferrerSubject() {
    return referrerSubject;
  }

  public void setReferrerSubject(String referrerSubject) {
    this.referrerSubject = referrerSubject;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = Tables.BY_TOKEN)
  public String getTokenHash() {
    return tokenHash;
  }

  public void setTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  @DynamoDbSecondarySortKey(
      indexNames = {Tables.BY_ORGANISATION, Tables.BY_REFERRER, Tables.BY_TOKEN})
  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  /** Epoch seconds; the table's TTL attribute. */
  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getData() {
    return data;
  }

  public void setData(String data) {
    this.data = data;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
