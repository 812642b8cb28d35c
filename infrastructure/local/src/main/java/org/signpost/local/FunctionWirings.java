package org.signpost.local;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.ReferralSettings;
import org.signpost.handlers.wiring.Wiring;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One wiring per template function, as Lambda gives each function its own environment: each has a
 * DynamoDB client limited to that function's template permissions. Thread-safe.
 */
public final class FunctionWirings {
  private final Map<String, TemplatePermissions> permissions;
  private final Map<String, String> functionsByHandler;
  private final Map<String, Wiring> wirings = new ConcurrentHashMap<>();

  public FunctionWirings(SamTemplate template) {
    this(TemplatePermissions.of(template), template.functionsByHandlerClass());
  }

  FunctionWirings(
      Map<String, TemplatePermissions> permissions, Map<String, String> functionsByHandler) {
    this.permissions = Map.copyOf(permissions);
    this.functionsByHandler = Map.copyOf(functionsByHandler);
  }

  /** The wiring of the function whose handler is {@code handlerClass}. */
  public Wiring forHandler(String handlerClass) {
    String function = functionsByHandler.get(handlerClass);
    if (function == null) {
      throw new IllegalArgumentException("template.yaml has no function for " + handlerClass);
    }
    return forFunction(function);
  }

  /** The wiring of a function by its logical id, built on first use. */
  public Wiring forFunction(String function) {
    return wirings.computeIfAbsent(function, id -> wiring(permissions.get(id)));
  }

  /** A wiring limited to the given permissions (tests pass trimmed ones). */
  public static Wiring wiring(TemplatePermissions permissions) {
    Config config = Config.fromEnvironment();
    DynamoDbClient client =
        Wiring.dynamoClient(
            config,
            ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(
                    new PermissionInterceptor(permissions, config.tablePrefix()))
                .build());
    return new Wiring(config, ReferralSettings.fromEnvironment(), Clock.systemUTC(), client);
  }

  /** Builds a handler with its function's wiring as the one it sees. */
  public Object instantiate(String handlerClass) {
    return Wiring.buildWith(
        forHandler(handlerClass),
        () -> {
          try {
            return Class.forName(handlerClass).getConstructor().newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                "template.yaml names a handler that cannot start: " + handlerClass, e);
          }
        });
  }
}
