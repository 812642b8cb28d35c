package org.signpost.local;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.ReferralSettings;
import org.signpost.handlers.wiring.Wiring;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One wiring per template function, as Lambda gives each function its own environment: each sees
 * only the settings its template entry gives it and has a DynamoDB client limited to that
 * function's template permissions. Thread-safe.
 */
public final class FunctionWirings {
  /** Set by Lambda itself, not by the template. */
  private static final Set<String> FROM_LAMBDA = Set.of("AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME");

  private final Map<String, TemplatePermissions> permissions;
  private final Map<String, String> functionsByHandler;
  private final SamTemplate template;
  private final Map<String, Wiring> wirings = new ConcurrentHashMap<>();

  public FunctionWirings(SamTemplate template) {
    this.template = template;
    this.permissions = Map.copyOf(TemplatePermissions.of(template));
    this.functionsByHandler = Map.copyOf(template.functionsByHandlerClass());
  }

  /**
   * The settings a function sees locally: the names its template entry gives it, plus the local
   * stand-ins for what AWS provides differently (the site key in place of its secret's ARN).
   */
  Set<String> visibleTo(String function) {
    Set<String> names = new HashSet<>(template.environmentOf(function));
    names.addAll(FROM_LAMBDA);
    if (names.contains("WEB_SECRET_ARN")) {
      names.add("WEB_SECRET");
    }
    return names;
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
    return wirings.computeIfAbsent(
        function, id -> Config.withVisible(visibleTo(id), () -> wiring(permissions.get(id))));
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
    Wiring wiring = forHandler(handlerClass);
    return Config.withVisible(
        visibleTo(functionsByHandler.get(handlerClass)),
        () ->
            Wiring.buildWith(
                wiring,
                () -> {
                  try {
                    return Class.forName(handlerClass).getConstructor().newInstance();
                  } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(
                        "template.yaml names a handler that cannot start: " + handlerClass, e);
                  }
                }));
  }
}
