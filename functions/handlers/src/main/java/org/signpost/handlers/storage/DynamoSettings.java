package org.signpost.handlers.storage;

import java.time.Instant;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.search.SynonymSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Admin-edited settings in DynamoDB; serves the synonym list to search. Thread-safe. */
public final class DynamoSettings implements SynonymSource {
  public static final String SYNONYMS = "synonyms";

  private final DynamoDbTable<SettingItem> table;

  public DynamoSettings(DynamoDbEnhancedClient client, String tablePrefix) {
    this.table = client.table(tablePrefix + Tables.SETTINGS, Tables.SETTING_SCHEMA);
  }

  @Override
  public Optional<Edited> current() {
    SettingItem item = table.getItem(Key.builder().partitionValue(SYNONYMS).build());
    return item == null || item.getText() == null
        ? Optional.empty()
        : Optional.of(new Edited(item.getText(), item.getVersion()));
  }

  /**
   * Saves the synonym list, conditional on the version the admin last read (null to create).
   *
   * @return the new version
   */
  public long saveSynonyms(String text, Long expectedVersion, String by, Instant at) {
    SettingItem item = new SettingItem();
    item.setId(SYNONYMS);
    item.setText(text);
    item.setUpdatedBy(by);
    item.setUpdatedAt(at.toString());
    if (expectedVersion == null) {
      Optional<Edited> existing = current();
      item.setVersion(existing.map(Edited::version).orElse(null));
    } else {
      item.setVersion(expectedVersion);
    }
    try {
      return table.updateItem(item).getVersion();
    } catch (ConditionalCheckFailedException e) {
      throw new SignpostException.PreconditionFailed(
          "the synonym list changed since version " + expectedVersion);
    }
  }
}
