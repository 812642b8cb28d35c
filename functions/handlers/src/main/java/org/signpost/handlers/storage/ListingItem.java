package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * The DynamoDB item of a listing. Key and lifecycle attributes are top-level so they can be indexed
 * and conditioned on; the editable content is one JSON attribute, because nothing queries inside it
 * and it keeps the item one read. Mutable bean for the Enhanced Client; not thread-safe.
 */
@DynamoDbBean
public class ListingItem {
  private String id;
  private String organisationId;
  private String organisationName;
  private String status;
  private Long version;
  private String lastModified;
  private String assuredDate;
  private String nextSession;
  private String content;
  private String pending;
  private String moderationNote;
  private String chgBucket;
  private String chgSort;
  private String reviewFlag;
  private byte[] vector;
  private String vectorModel;
  private String vectorText;

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

  public String getOrganisationName() {
    return organisationName;
  }

  public void setOrganisationName(String organisationName) {
    this.organisationName = organisationName;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getLastModified() {
    return lastModified;
  }

  public void setLastModified(String lastModified) {
    this.lastModified = lastModified;
  }

  public String getAssuredDate() {
    return assuredDate;
  }

  public void setAssuredDate(String assuredDate) {
    this.assuredDate = assuredDate;
  }

  public String getNextSession() {
    return nextSession;
  }

  public void setNextSession(String nextSession) {
    this.nextSession = nextSession;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }

  public String getPending() {
    return pending;
  }

  public void setPending(String pending) {
    this.pending = pending;
  }

  public String getModerationNote() {
    return moderationNote;
  }

  public void setModerationNote(String moderationNote) {
    this.moderationNote = moderationNote;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = Tables.CHANGES)
  public String getChgBucket() {
    return chgBucket;
  }

  public void setChgBucket(String chgBucket) {
    this.chgBucket = chgBucket;
  }

  /** Present only while awaiting review, so the review index stays sparse and small. */
  @DynamoDbSecondaryPartitionKey(indexNames = Tables.AWAITING_REVIEW)
  public String getReviewFlag() {
    return reviewFlag;
  }

  public void setReviewFlag(String reviewFlag) {
    this.reviewFlag = reviewFlag;
  }

  @DynamoDbSecondarySortKey(
      indexNames = {Tables.CHANGES, Tables.BY_ORGANISATION, Tables.AWAITING_REVIEW})
  public String getChgSort() {
    return chgSort;
  }

  public void setChgSort(String chgSort) {
    this.chgSort = chgSort;
  }

  /** The content's embedding, quantised to signed bytes (see core's Embedding). */
  public byte[] getVector() {
    return vector;
  }

  public void setVector(byte[] vector) {
    this.vector = vector;
  }

  public String getVectorModel() {
    return vectorModel;
  }

  public void setVectorModel(String vectorModel) {
    this.vectorModel = vectorModel;
  }

  /** Fingerprint of the text the vector was made from. */
  public String getVectorText() {
    return vectorText;
  }

  public void setVectorText(String vectorText) {
    this.vectorText = vectorText;
  }
}
