package org.signpost.handlers.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.Places;
import org.signpost.search.GeoPoint;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/** Full-postcode centroids in DynamoDB, loaded from the ONS Postcode Directory CSV. Thread-safe. */
public final class DynamoPostcodes implements Geocoder {
  private static final int BATCH = 25;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<PostcodeItem> table;

  public DynamoPostcodes(DynamoDbEnhancedClient client, String tablePrefix) {
    this.client = client;
    this.table = client.table(tablePrefix + Tables.POSTCODES, Tables.POSTCODE_SCHEMA);
  }

  @Override
  public Optional<GeoPoint> locate(String code) {
    if (code.indexOf(' ') < 0) {
      return Optional.empty();
    }
    PostcodeItem item;
    try {
      item = table.getItem(Key.builder().partitionValue(code).build());
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      // While the store is down, a search near a postcode falls back to its outward code.
      return Optional.empty();
    }
    return item == null || item.getLat() == null || item.getLon() == null
        ? Optional.empty()
        : Optional.of(new GeoPoint(item.getLat(), item.getLon()));
  }

  /**
   * Whether any postcode has been imported. Once true it stays true; while false it is asked again
   * (a one-item scan), so an import is noticed without a restart.
   */
  public boolean loaded() {
    if (loaded) {
      return true;
    }
    try {
      loaded = table.scan(r -> r.limit(1)).items().iterator().hasNext();
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      return false;
    }
    return loaded;
  }

  private volatile boolean loaded;

  /**
   * Imports an ONS Postcode Directory CSV: a header row naming {@code pcds}, {@code lat} and {@code
   * long} (other columns are ignored). Rows without a usable centroid (ONS marks those with
   * latitude 99.999999) are skipped.
   *
   * @return how many postcodes were written
   * @throws IllegalArgumentException when the header lacks a needed column
   */
  public long importCsv(BufferedReader csv) throws IOException {
    String header = csv.readLine();
    if (header == null) {
      return 0;
    }
    List<String> columns = new ArrayList<>();
    for (String cell : splitCsv(header)) {
      columns.add(cell.toLowerCase(Locale.ROOT));
    }
    int pcds = column(columns, "pcds");
    int lat = column(columns, "lat");
    int lon = column(columns, "long");
    long written = 0;
    List<PostcodeItem> batch = new ArrayList<>(BATCH);
    for (String line; (line = csv.readLine()) != null; ) {
      List<String> cells = splitCsv(line);
      if (cells.size() <= Math.max(pcds, Math.max(lat, lon))) {
        continue;
      }
      Optional<String> postcode = Places.normalisePostcode(cells.get(pcds));
      Double latitude = number(cells.get(lat));
      Double longitude = number(cells.get(lon));
      if (postcode.isEmpty()
          || latitude == null
          || longitude == null
          || Math.abs(latitude) > 90
          || Math.abs(longitude) > 180) {
        continue;
      }
      PostcodeItem item = new PostcodeItem();
      item.setPostcode(postcode.get());
      item.setLat(latitude);
      item.setLon(longitude);
      batch.add(item);
      if (batch.size() == BATCH) {
        written += flush(batch);
      }
    }
    return written + flush(batch);
  }

  private long flush(List<PostcodeItem> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    WriteBatch.Builder<PostcodeItem> write =
        WriteBatch.builder(PostcodeItem.class).mappedTableResource(table);
    batch.forEach(write::addPutItem);
    var result = client.batchWriteItem(r -> r.addWriteBatch(write.build()));
    List<PostcodeItem> unprocessed = result.unprocessedPutItemsForTable(table);
    for (PostcodeItem item : unprocessed) {
      table.putItem(item);
    }
    long n = batch.size();
    batch.clear();
    return n;
  }

  private static int column(List<String> columns, String name) {
    int at = columns.indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException("the CSV header has no '" + name + "' column");
    }
    return at;
  }

  private static Double number(String cell) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Splits one CSV line, honouring double quotes (the ONS file quotes every cell). */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
