package org.signpost.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.handlers.http.Json;

/**
 * A judged query set: queries in the words people use, each with graded listings (2 relevant, 1
 * partly relevant; anything unlisted is not relevant). Read from JSON Lines on the classpath.
 */
record JudgedSet(String name, List<Query> queries) {

  /**
   * One judged query.
   *
   * @param near a place for the {@code near} parameter, or null
   * @param judgments grade by listing key (source service id, or listing id for the demo set)
   */
  record Query(String id, String text, String style, String near, Map<String, Integer> judgments) {
    Query {
      judgments = Map.copyOf(judgments);
    }

    int grade(String key) {
      return judgments.getOrDefault(key, 0);
    }

    long relevantCount() {
      return judgments.values().stream().filter(g -> g > 0).count();
    }
  }

  JudgedSet {
    queries = List.copyOf(queries);
  }

  static JudgedSet load(String name) {
    String resource = "/eval/" + name + ".jsonl";
    try (InputStream in = JudgedSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("judged set " + resource + " is missing");
      }
      List<Query> queries = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = Json.MAPPER.readTree(line);
        Map<String, Integer> judgments = new LinkedHashMap<>();
        node.get("judgments")
            .properties()
            .forEach(e -> judgments.put(e.getKey(), e.getValue().asInt()));
        JsonNode near = node.get("near");
        queries.add(
            new Query(
                node.get("id").asText(),
                node.get("query").asText(),
                node.path("style").asText(""),
                near == null || near.isNull() ? null : near.asText(),
                judgments));
      }
      return new JudgedSet(name, queries);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
