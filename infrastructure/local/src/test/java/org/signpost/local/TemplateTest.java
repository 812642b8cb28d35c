package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;

/** template.yaml and the code must agree: handlers, tables, keys, indexes and settings. */
class TemplateTest {
  private static final SamTemplate TEMPLATE =
      SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));

  /** Lambda sets these itself; DYNAMODB_ENDPOINT is blank in AWS but declared anyway. */
  private static final Set<String> PROVIDED_BY_LAMBDA =
      Set.of("AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME");

  /** Local stand-ins: in AWS the site key comes from Secrets Manager (WEB_SECRET_ARN). */
  private static final Set<String> LOCAL_ONLY = Set.of("WEB_SECRET");

  @Test
  void everyHandler_namesAClassThatImplementsRequestHandler() throws Exception {
    List<String> handlers = new ArrayList<>();
    for (Map<String, Object> resource : TEMPLATE.resources().values()) {
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
        handlers.add(String.valueOf(properties.get("Handler")));
      }
    }

    assertThat(handlers).isNotEmpty();
    for (String handler : handlers) {
      assertThat(handler).endsWith("::handleRequest");
      Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
      assertThat(RequestHandler.class).isAssignableFrom(type);
      assertThat(type.getConstructor()).isNotNull();
    }
  }

  @Test
  void everyEnvironmentVariableTheCodeReads_isSetInTheTemplate() {
    Set<String> declared = TEMPLATE.globalEnvironment().keySet();
    List<String> variables = new ArrayList<>(Config.VARIABLES);
    variables.addAll(org.signpost.handlers.auth.OidcSettings.VARIABLES);
    for (String variable : variables) {
      if (!PROVIDED_BY_LAMBDA.contains(variable) && !LOCAL_ONLY.contains(variable)) {
        assertThat(declared).as("Globals.Function.Environment").contains(variable);
      }
    }
  }

  @Test
  void tables_declareTheSameKeysAndIndexesAsTheCode() {
    for (Tables.Definition definition : Tables.ALL) {
      Map<String, Object> table = tableResource(definition.name());
      TableMetadata metadata = definition.schema().tableMetadata();
      @SuppressWarnings("unchecked")
      Map<String, Object> properties = (Map<String, Object>) table.get("Properties");

      List<String> expectedKey = new ArrayList<>(List.of(metadata.primaryPartitionKey() + ":HASH"));
      metadata.primarySortKey().ifPresent(sort -> expectedKey.add(sort + ":RANGE"));
      assertThat(keys(properties.get("KeySchema")))
          .as(definition.name() + " key")
          .isEqualTo(expectedKey);
      assertThat(properties.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
      assertThat(properties).containsKeys("PointInTimeRecoverySpecification", "SSESpecification");

      Set<String> expected = new TreeSet<>();
      for (String index : definition.indexes()) {
        expected.add(
            index
                + "="
                + metadata.indexPartitionKey(index)
                + ":HASH,"
                + metadata.indexSortKey(index).map(k -> k + ":RANGE").orElse(""));
      }
      Set<String> declared = new TreeSet<>();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> gsis =
          (List<Map<String, Object>>) properties.getOrDefault("GlobalSecondaryIndexes", List.of());
      for (Map<String, Object> gsi : gsis) {
        declared.add(gsi.get("IndexName") + "=" + String.join(",", keys(gsi.get("KeySchema"))));
      }
      assertThat(declared).as(definition.name() + " indexes").isEqualTo(expected);
    }
  }

  @Test
  void theOneIndexHoldingFunction_servesPagesAndSearch_hasSnapStart_andNeverDeletes() {
    assertThat(TEMPLATE.resources()).doesNotContainKey("SearchFunction");
    Map<String, Object> site = TEMPLATE.resources().get("PagesFunction");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) site.get("Properties");

    assertThat(properties.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
    assertThat(String.valueOf(properties.get("Events")))
        .contains("/api/search", "/api/suggest", "/health", "/refer", "/listings/{id}");
    assertThat(String.valueOf(properties.get("Policies")))
        .contains("DynamoDBReadPolicy", "S3ReadPolicy")
        .doesNotContain("Crud", "DeleteItem");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyApiRoute_isDocumentedInTheOpenApiSpec() throws Exception {
    Map<String, Object> spec;
    try (var in = TemplateTest.class.getResourceAsStream("/openapi.yaml")) {
      spec = new org.yaml.snakeyaml.Yaml().load(in);
    }
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
    List<String> missing = new ArrayList<>();
    for (SamTemplate.Route route : TEMPLATE.routes()) {
      if (!route.path().startsWith("/api/") && !route.path().equals("/health")) {
        continue; // HTML pages and HSDS are documented elsewhere
      }
      Map<String, Object> operations = paths.get(route.path());
      if (operations == null
          || !operations.containsKey(route.method().toLowerCase(java.util.Locale.ROOT))) {
        missing.add(route.routeKey());
      }
    }
    assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
  }

  @Test
  void shortTags_areKeptDistinctFromPlainStrings() {
    Map<String, Object> environment = TEMPLATE.globalEnvironment();
    assertThat(environment.get("TABLE_PREFIX")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-"));
    assertThat(environment.get("SEARCH_POLL_MS")).isEqualTo("1000");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tableResource(String logicalSuffix) {
    for (Map<String, Object> resource : TEMPLATE.resources().values()) {
      if (!"AWS::DynamoDB::Table".equals(resource.get("Type"))) {
        continue;
      }
      Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
      if (String.valueOf(properties.get("TableName")).contains("-" + logicalSuffix + "}")
          || String.valueOf(properties.get("TableName")).endsWith("-" + logicalSuffix)) {
        return resource;
      }
    }
    throw new AssertionError("template.yaml has no table for " + logicalSuffix);
  }

  @SuppressWarnings("unchecked")
  private static List<String> keys(Object keySchema) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> key : (List<Map<String, Object>>) keySchema) {
      out.add(key.get("AttributeName") + ":" + key.get("KeyType"));
    }
    return out;
  }
}
