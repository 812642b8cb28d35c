package org.signpost.bench;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.util.SloppyMath;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.search.GeoPoint;
import org.signpost.search.IndexedListing;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a directory without an index does: Scan the whole table in dynalite with a filter
 * expression, then work out distances and sort in the client. Owns its dynalite process.
 */
final class DynamoScanBaseline implements Closeable {
  private static final String TABLE = "bench-listings";
  private final NodeServer dynalite;
  private final DynamoDbClient client;

  DynamoScanBaseline(List<IndexedListing> listings) {
    dynalite =
        NodeServer.start(
            NodeServer.repositoryRoot().resolve("infrastructure/local/node/dynalite-server.js"));
    client =
        Wiring.dynamoClient(
            new Config(
                "bench-",
                java.util.Optional.of(java.net.URI.create("http://127.0.0.1:" + dynalite.port())),
                "eu-west-2",
                false,
                0));
    client.createTable(
        r ->
            r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    List<WriteRequest> batch = new ArrayList<>();
    for (IndexedListing l : listings) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("id", AttributeValue.fromS(l.id()));
      item.put("name", AttributeValue.fromS(l.name().toLowerCase(Locale.ROOT)));
      item.put("summary", AttributeValue.fromS(l.summary().toLowerCase(Locale.ROOT)));
      item.put("needs", AttributeValue.fromSs(l.needs()));
      if (!l.points().isEmpty()) {
        item.put("lat", AttributeValue.fromN(Double.toString(l.points().get(0).lat())));
        item.put("lon", AttributeValue.fromN(Double.toString(l.points().get(0).lon())));
      }
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25) {
        flush(batch);
      }
    }
    flush(batch);
  }

  private void flush(List<WriteRequest> batch) {
    if (!batch.isEmpty()) {
      Map<String, List<WriteRequest>> left = Map.of(TABLE, List.copyOf(batch));
      while (left != null && !left.isEmpty()) {
        Map<String, List<WriteRequest>> request = left;
        left = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      }
      batch.clear();
    }
  }

  /** keyword + need via a Scan filter, then radius and distance sort in the client. */
  int combined(String keyword, String need, GeoPoint point, double radiusKm) {
    List<double[]> hits = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request =
          ScanRequest.builder()
              .tableName(TABLE)
              .filterExpression(
                  "(contains(#n, :k) OR contains(summary, :k)) AND contains(needs, :need)")
              .expressionAttributeNames(Map.of("#n", "name"))
              .expressionAttributeValues(
                  Map.of(
                      ":k", AttributeValue.fromS(keyword.toLowerCase(Locale.ROOT)),
                      ":need", AttributeValue.fromS(need)));
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = client.scan(request.build());
      for (Map<String, AttributeValue> item : page.items()) {
        if (item.containsKey("lat")) {
          double d =
              SloppyMath.haversinMeters(
                  point.lat(),
                  point.lon(),
                  Double.parseDouble(item.get("lat").n()),
                  Double.parseDouble(item.get("lon").n()));
          if (d <= radiusKm * 1000) {
            hits.add(new double[] {d});
          }
        }
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    hits.sort((a, b) -> Double.compare(a[0], b[0]));
    return hits.size();
  }

  @Override
  public void close() {
    client.close();
    dynalite.close();
  }
}
