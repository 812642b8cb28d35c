package org.signpost.handlers.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
          // A null inside a list is never meaningful input; fail in Jackson so the 400 names it.
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The longest string any field accepts: the admin synonym list. Fields check their own. */
  public static final int MAX_STRING_CHARS = 100_000;

  /** How deeply objects and arrays may nest in a request body. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** The most digits a number may have. */
  public static final int MAX_NUMBER_DIGITS = 1_000;

  private static final String LIMITS =
      "is over a limit: strings up to "
          + MAX_STRING_CHARS
          + " characters, nesting up to "
          + MAX_NESTING_DEPTH
          + " levels, numbers up to "
          + MAX_NUMBER_DIGITS
          + " digits";

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .build());
  }

  private Json() {}

  /** Parses a request body, mapping any JSON problem to a 400 that names the field. */
  public static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw SignpostException.Invalid.of("body", "a JSON body is required");
    }
    JsonParser parser = null;
    try {
      parser = MAPPER.createParser(body);
      T value = MAPPER.readValue(parser, type);
      if (value == null) {
        throw SignpostException.Invalid.of("body", "a JSON object is required");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw SignpostException.Invalid.of(path(e), "unknown field");
    } catch (JsonMappingException e) {
      String field = path(e);
      Throwable cause = e.getCause();
      if (cause instanceof StreamConstraintsException) {
        throw SignpostException.Invalid.of(field, LIMITS);
      }
      if (cause instanceof IllegalArgumentException) {
        throw SignpostException.Invalid.of(field, cause.getMessage());
      }
      throw SignpostException.Invalid.of(field, "has the wrong type or shape");
    } catch (StreamConstraintsException e) {
      throw SignpostException.Invalid.of(fieldAt(parser), LIMITS);
    } catch (JsonProcessingException e) {
      // Some parser errors carry no location; the message must not depend on one.
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw SignpostException.Invalid.of("body", "is not valid JSON" + where);
    } catch (java.io.IOException e) {
      // Reading a String cannot fail on I/O; anything else here is unreadable input.
      throw SignpostException.Invalid.of("body", "is not valid JSON");
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise " + value.getClass().getName(), e);
    }
  }

  /** The field the parser was reading when it stopped, as {@code a.b[0]}, or "body". */
  private static String fieldAt(JsonParser parser) {
    if (parser == null || parser.getParsingContext() == null) {
      return "body";
    }
    StringBuilder field = new StringBuilder();
    for (var context = parser.getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      String part =
          context.inArray()
              ? "[" + Math.max(context.getCurrentIndex(), 0) + "]"
              : context.getCurrentName() == null ? "" : "." + context.getCurrentName();
      field.insert(0, part);
    }
    String path = field.toString();
    path = path.startsWith(".") ? path.substring(1) : path;
    return path.isEmpty() ? "body" : path;
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
