package org.signpost.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Refuses, before it is sent, any DynamoDB call that a function's template permissions do not
 * allow, with the {@code AccessDeniedException} AWS would return, so a missing grant fails locally
 * instead of in the first deployment. Immutable; thread-safe.
 */
final class PermissionInterceptor implements ExecutionInterceptor {
  private final TemplatePermissions permissions;
  private final String tablePrefix;

  PermissionInterceptor(TemplatePermissions permissions, String tablePrefix) {
    this.permissions = permissions;
    this.tablePrefix = tablePrefix;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String action = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    SdkRequest request = context.request();
    Optional<String> index = request.getValueForField("IndexName", String.class);
    for (String table : tables(request)) {
      String suffix = table.startsWith(tablePrefix) ? table.substring(tablePrefix.length()) : table;
      if (!permissions.allows(action, suffix, index)) {
        throw denied(action, table, index);
      }
    }
  }

  private static List<String> tables(SdkRequest request) {
    List<String> out = new ArrayList<>();
    request.getValueForField("TableName", String.class).ifPresent(out::add);
    request
        .getValueForField("RequestItems", Map.class)
        .ifPresent(
            items -> {
              for (Object name : ((Map<?, ?>) items).keySet()) {
                out.add(String.valueOf(name));
              }
            });
    if (out.isEmpty()) {
      // ListTables, TransactWriteItems and the like: nothing in the template grants them.
      out.add("*");
    }
    return out;
  }

  private DynamoDbException denied(String action, String table, Optional<String> index) {
    String resource =
        "arn:aws:dynamodb:eu-west-2:000000000000:table/"
            + table
            + index.map(i -> "/index/" + i).orElse("");
    String message =
        "User: arn:aws:sts::000000000000:assumed-role/"
            + permissions.function()
            + "Role/"
            + permissions.function()
            + " is not authorized to perform: dynamodb:"
            + action
            + " on resource: "
            + resource
            + " because no identity-based policy allows the dynamodb:"
            + action
            + " action";
    return (DynamoDbException)
        DynamoDbException.builder()
            .message(message)
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AccessDeniedException")
                    .errorMessage(message)
                    .serviceName("DynamoDb")
                    .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                    .build())
            .build();
  }
}
