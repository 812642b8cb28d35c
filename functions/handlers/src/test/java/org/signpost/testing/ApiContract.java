package org.signpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.handlers.http.Json;

/** Validates real response bodies against the schemas in the bundled OpenAPI 3.1 document. */
public final class ApiContract {
  public static final JsonNode SPEC = load();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private ApiContract() {}

  /** Asserts the JSON body matches {@code #/components/schemas/<name>}. */
  public static void assertMatches(String body, String schemaName) {
    JsonSchema schema = SCHEMAS.computeIfAbsent(schemaName, ApiContract::compile);
    try {
      Set<ValidationMessage> problems = schema.validate(Json.MAPPER.readTree(body));
      assertThat(problems)
          .as("response matches OpenAPI schema " + schemaName + ": " + body)
          .isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema compile(String name) {
    assertThat(SPEC.at("/components/schemas/" + name).isMissingNode())
        .as("schema " + name + " exists")
        .isFalse();
    ObjectNode root = SPEC.deepCopy();
    root.put("$ref", "#/components/schemas/" + name);
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  private static JsonNode load() {
    try (InputStream in = ApiContract.class.getResourceAsStream("/openapi.yaml")) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
