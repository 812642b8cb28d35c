package org.signpost.handlers.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.ListingContent;

/** The one configured ObjectMapper, and body parsing that turns Jackson errors into 400s. */
public final class Json {
  /** Read-only listing fields that clients may echo back in a PUT; ignored on input. */
  @JsonIgnoreProperties({
    "id",
    "organisation_id",
    "organisation",
    "status",
    "version",
    "assured_date",
    "verified_at",
    "last_modified",
    "next_session",
    "pending",
    "moderation_note"
  })
  abstract static class ListingContentMixin {
    @JsonProperty("open_24_7")
    abstract boolean open247();
  }

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .addMixIn(ListingContent.class, ListingContentMixin.class)
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(20_000).build());
  }

  private Json() {}

  /** Parses a request body, mapping any JSON problem to a 400 that names the field. */
  public static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw SignpostException.Invalid.of("body", "a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw SignpostException.Invalid.of("body", "a JSON object is required");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw SignpostException.Invalid.of(path(e), "unknown field");
    } catch (JsonMappingException e) {
      String field = path(e);
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        throw SignpostException.Invalid.of(field, cause.getMessage());
      }
      throw SignpostException.Invalid.of(field, "has the wrong type or shape");
    } catch (JsonProcessingException e) {
      throw SignpostException.Invalid.of(
          "body", "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise " + value.getClass().getName(), e);
    }
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref ->
                    ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining());
    path = path.startsWith(".") ? path.substring(1) : path;
    return path.isEmpty() ? "body" : path;
  }
}
