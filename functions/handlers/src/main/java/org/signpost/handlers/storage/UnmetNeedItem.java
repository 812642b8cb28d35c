package org.signpost.handlers.storage;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One unmet-need counter: a month, an outward code, a need and how many searches found little.
 * Nothing else is stored. Mutable bean for the Enhanced Client (reads and the table definition;
 * counts change only by atomic ADD); not thread-safe.
 */
@DynamoDbBean
public class UnmetNeedItem {
  private String month;
  private String cell;
  private String outwardCode;
  private String need;
  private Long searches;

  @DynamoDbPartitionKey
  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }

  /** {@code outwardCode#need}, unique within the month. */
  @DynamoDbSortKey
  public String getCell() {
    return cell;
  }

  public void setCell(String cell) {
    this.cell = cell;
  }

  public String getOutwardCode() {
    return outwardCode;
  }

  public void setOutwardCode(String outwardCode) {
    this.outwardCode = outwardCode;
  }

  public String getNeed() {
    return need;
  }

  public void setNeed(String need) {
    this.need = need;
  }

  public Long getSearches() {
    return searches;
  }

  public void setSearches(Long searches) {
    this.searches = searches;
  }
}
