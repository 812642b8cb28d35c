package org.signpost.handlers.storage;

import java.util.HashMap;
import java.util.Map;
import org.signpost.core.report.UnmetNeed;
import org.signpost.core.report.UnmetNeedStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The unmet-need counters in their own table ({@code month} → {@code outwardCode#need}). The search
 * function may only add to them (UpdateItem); the reports function only scans them. Thread-safe.
 */
public final class DynamoUnmetNeeds implements UnmetNeedStore {
  private final DynamoDbClient client;
  private final DynamoDbTable<UnmetNeedItem> table;
  private final String tableName;

  public DynamoUnmetNeeds(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String prefix) {
    this.client = client;
    this.tableName = prefix + Tables.UNMET_NEEDS;
    this.table = enhanced.table(tableName, Tables.UNMET_NEED_SCHEMA);
  }

  @Override
  public void add(UnmetNeed cell, long count) {
    client.updateItem(
        r ->
            r.tableName(tableName)
                .key(
                    Map.of(
                        "month", AttributeValue.fromS(cell.month()),
                        "cell", AttributeValue.fromS(cell.outwardCode() + "#" + cell.need())))
                .updateExpression("ADD searches :n SET outwardCode = :area, need = :need")
                .expressionAttributeValues(
                    Map.of(
                        ":n", AttributeValue.fromN(Long.toString(count)),
                        ":area", AttributeValue.fromS(cell.outwardCode()),
                        ":need", AttributeValue.fromS(cell.need()))));
  }

  @Override
  public Map<UnmetNeed, Long> all() {
    Map<UnmetNeed, Long> out = new HashMap<>();
    table
        .scan()
        .items()
        .forEach(
            item ->
                out.merge(
                    new UnmetNeed(item.getMonth(), item.getOutwardCode(), item.getNeed()),
                    item.getSearches() == null ? 0L : item.getSearches(),
                    Long::sum));
    return out;
  }
}
