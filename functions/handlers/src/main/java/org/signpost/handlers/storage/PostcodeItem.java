package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A postcode centroid from the ONS Postcode Directory. Mutable bean; not thread-safe. */
@DynamoDbBean
public class PostcodeItem {
  private String postcode;
  private Double lat;
  private Double lon;

  @DynamoDbPartitionKey
  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public Double getLat() {
    return lat;
  }

  public void setLat(Double lat) {
    this.lat = lat;
  }

  public Double getLon() {
    return lon;
  }

  public void setLon(Double lon) {
    this.lon = lon;
  }
}
