package org.signpost.handlers.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.signpost.core.listing.ListingContent;

/**
 * The JSON mapper for what the tables store, kept apart from the API's mapper so that tightening
 * what a request may send can never make an item already in the table unreadable. It reads
 * leniently: unknown properties (from an older or newer writer) are ignored, a null inside a list
 * is dropped, and the only size limits are ones no DynamoDB item can reach. It writes exactly the
 * shape items have always had: snake_case names, {@code open_24_7}. Thread-safe once built.
 */
final class StorageJson {
  /** DynamoDB's item size limit; no stored string can be longer than the item holding it. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  /** The stored name of {@link ListingContent#open247()}, which snake_case alone would miss. */
  abstract static class ListingContentNames {
    @JsonProperty("open_24_7")
    abstract boolean open247();
  }

  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(MAX_ITEM_BYTES)
                          .maxNestingDepth(1_000)
                          .build())
                  .build())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.SKIP))
          .addMixIn(ListingContent.class, ListingContentNames.class)
          .build();

  private StorageJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not store " + value.getClass().getName(), e);
    }
  }
}
