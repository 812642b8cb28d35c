package org.signpost.handlers.hsds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.signpost.handlers.http.Json;

/**
 * Streams HSDS 3.0 services from JSON: one service object, an array of them, an HSDS paginated
 * envelope ({@code contents}), or newline-delimited JSON. Only one service is in memory at a time.
 */
final class HsdsJsonReader {
  /** The shared mapper refuses trailing tokens, which is exactly what a stream of services has. */
  private static final ObjectReader TREE =
      Json.MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private HsdsJsonReader() {}

  static void read(Path file, Consumer<ImportItem> sink) throws Sources.FileProblem, IOException {
    String name = file.getFileName().toString();
    long line = 1;
    try (Reader reader = Sources.open(file);
        JsonParser parser = Json.MAPPER.getFactory().createParser(reader)) {
      JsonToken token = parser.nextToken();
      while (token != null) {
        line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            line = parser.currentTokenLocation().getLineNr();
            sink.accept(HsdsServiceReader.read(TREE.readValue(parser), name, line));
          }
          if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new Sources.FileProblem(line, "an array of services may hold only objects");
          }
        } else if (token == JsonToken.START_OBJECT) {
          JsonNode node = TREE.readValue(parser);
          if (node.has("contents") && node.get("contents").isArray() && !node.has("id")) {
            for (JsonNode service : node.get("contents")) {
              sink.accept(HsdsServiceReader.read(service, name, line));
            }
          } else {
            sink.accept(HsdsServiceReader.read(node, name, line));
          }
        } else {
          throw new Sources.FileProblem(line, "expected a service object or an array of them");
        }
        token = parser.nextToken();
      }
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new Sources.FileProblem(
          at,
          "invalid or truncated JSON at line "
              + at
              + " (records before it were read): "
              + Values.clip(e.getOriginalMessage()));
    } catch (IOException e) {
      if (Sources.isEncodingError(e)) {
        throw Sources.notUtf8(line);
      }
      throw e;
    }
  }
}
