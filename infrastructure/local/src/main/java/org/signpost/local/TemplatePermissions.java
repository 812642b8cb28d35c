package org.signpost.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DynamoDB permissions template.yaml gives one function, read from its SAM policy templates
 * ({@code DynamoDBReadPolicy}, {@code DynamoDBWritePolicy}, {@code DynamoDBCrudPolicy}) and its
 * explicit {@code Statement}s. Tables are named by the suffix after the stack prefix, such as
 * {@code listings}. Immutable; thread-safe.
 *
 * @param function the function's logical id in the template
 * @param grants every allowed action on every table
 */
public record TemplatePermissions(String function, Set<Grant> grants) {
  /** One allowed action on one table, and on its indexes if {@code indexes}. */
  public record Grant(String action, String table, boolean indexes) {}

  static final List<String> READ =
      List.of("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable");
  static final List<String> WRITE = List.of("PutItem", "UpdateItem", "BatchWriteItem");
  static final List<String> CRUD =
      List.of(
          "GetItem",
          "DeleteItem",
          "PutItem",
          "Scan",
          "Query",
          "UpdateItem",
          "BatchWriteItem",
          "BatchGetItem",
          "DescribeTable",
          "ConditionCheckItem");

  public TemplatePermissions {
    grants = Set.copyOf(grants);
  }

  /** True if the function may run {@code action} on the table (or one of its indexes). */
  public boolean allows(String action, String table, Optional<String> index) {
    for (Grant grant : grants) {
      if ((grant.action().equals(action) || grant.action().equals("*"))
          && grant.table().equals(table)
          && (index.isEmpty() || grant.indexes())) {
        return true;
      }
    }
    return false;
  }

  /** This function's permissions without one grant, for tests that prove a grant is needed. */
  public TemplatePermissions without(String action, String table) {
    Set<Grant> kept = new LinkedHashSet<>();
    for (Grant grant : grants) {
      if (!(grant.action().equals(action) && grant.table().equals(table))) {
        kept.add(grant);
      }
    }
    return new TemplatePermissions(function, kept);
  }

  /** Every function's permissions, by logical id. */
  @SuppressWarnings("unchecked")
  public static Map<String, TemplatePermissions> of(SamTemplate template) {
    Map<String, String> tables = tableSuffixes(template);
    Map<String, TemplatePermissions> out = new LinkedHashMap<>();
    template
        .resources()
        .forEach(
            (id, resource) -> {
              if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
              }
              Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
              List<Object> policies = (List<Object>) properties.getOrDefault("Policies", List.of());
              Set<Grant> grants = new LinkedHashSet<>();
              for (Object policy : policies) {
                if (policy instanceof Map<?, ?> map) {
                  map.forEach(
                      (name, value) ->
                          grants.addAll(grants(id, String.valueOf(name), value, tables)));
                }
              }
              out.put(id, new TemplatePermissions(id, grants));
            });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Grant> grants(
      String function, String name, Object value, Map<String, String> tables) {
    List<String> actions =
        switch (name) {
          case "DynamoDBReadPolicy" -> READ;
          case "DynamoDBWritePolicy" -> WRITE;
          case "DynamoDBCrudPolicy" -> CRUD;
          case "Statement" -> null;
          default -> List.of(); // not DynamoDB (SES, Secrets Manager, ...)
        };
    List<Grant> out = new ArrayList<>();
    if (actions != null && actions.isEmpty()) {
      return out;
    }
    if (actions != null) {
      Object tableName = ((Map<String, Object>) value).get("TableName");
      String table = table(function, tableName, tables);
      actions.forEach(action -> out.add(new Grant(action, table, true)));
      return out;
    }
    for (Object raw : (List<Object>) value) {
      Map<String, Object> statement = (Map<String, Object>) raw;
      if (!"Allow".equals(statement.get("Effect"))) {
        throw new IllegalArgumentException(function + ": only Allow statements are understood");
      }
      List<Object> statementActions = list(statement.get("Action"));
      List<Object> resources = list(statement.get("Resource"));
      for (Object action : statementActions) {
        String text = String.valueOf(action);
        if (!text.startsWith("dynamodb:")) {
          continue;
        }
        for (Object resource : resources) {
          out.add(resourceGrant(function, text.substring("dynamodb:".length()), resource, tables));
        }
      }
    }
    return out;
  }

  /** {@code !GetAtt XTable.Arn} or {@code !Sub "${XTable.Arn}/index/*"}. */
  @SuppressWarnings("unchecked")
  private static Grant resourceGrant(
      String function, String action, Object resource, Map<String, String> tables) {
    if (resource instanceof Map<?, ?> map && map.containsKey("Fn::GetAtt")) {
      String target = String.valueOf(map.get("Fn::GetAtt"));
      return new Grant(action, tableOf(function, target.replace(".Arn", ""), tables), false);
    }
    if (resource instanceof Map<?, ?> map && map.containsKey("Fn::Sub")) {
      String text = String.valueOf(map.get("Fn::Sub"));
      if (text.matches("\\$\\{\\w+\\.Arn}/index/\\*")) {
        String logical = text.substring(2, text.indexOf(".Arn"));
        return new Grant(action, tableOf(function, logical, tables), true);
      }
    }
    throw new IllegalArgumentException(
        function
            + ": a DynamoDB statement names a resource the local runtime cannot read: "
            + resource);
  }

  private static String table(String function, Object tableName, Map<String, String> tables) {
    if (tableName instanceof Map<?, ?> ref && ref.containsKey("Ref")) {
      return tableOf(function, String.valueOf(ref.get("Ref")), tables);
    }
    throw new IllegalArgumentException(function + ": TableName must be !Ref of a table");
  }

  private static String tableOf(String function, String logical, Map<String, String> tables) {
    String suffix = tables.get(logical);
    if (suffix == null) {
      throw new IllegalArgumentException(function + " names an unknown table " + logical);
    }
    return suffix;
  }

  private static List<Object> list(Object value) {
    return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
  }

  /**
   * Table logical id to the name after the stack prefix, from {@code !Sub "${AWS::StackName}-x"}.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> tableSuffixes(SamTemplate template) {
    Map<String, String> out = new LinkedHashMap<>();
    template
        .resources()
        .forEach(
            (id, resource) -> {
              if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                String name =
                    String.valueOf(
                        ((Map<String, Object>) properties.get("TableName")).get("Fn::Sub"));
                out.put(id, name.substring(name.indexOf("}-") + 2));
              }
            });
    return out;
  }
}
