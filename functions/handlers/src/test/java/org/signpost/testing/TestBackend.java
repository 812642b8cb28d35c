package org.signpost.testing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * JUnit 5 extension giving integration tests a real DynamoDB-API server: one dynalite per test run
 * on a free loopback port (stopped when the run ends), or LocalStack through Testcontainers when
 * {@code SIGNPOST_TEST_BACKEND=localstack}. Each test class gets its own table prefix.
 */
public final class TestBackend implements BeforeAllCallback, ParameterResolver {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  /** System property: give every test class in the JVM the same table prefix. */
  public static final String SHARED_PROPERTY = "signpost.test.sharedStore";

  /** Endpoint and settings handed to a test class. */
  public record Store(URI endpoint, String tablePrefix) {
    public Config config(boolean trustNewOrganisations) {
      return new Config(
          tablePrefix, java.util.Optional.of(endpoint), "eu-west-2", trustNewOrganisations, 0);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Store.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return store(context);
  }

  private static Store store(ExtensionContext context) {
    // Suites whose handlers use the JVM-wide Wiring.shared() (the local runtime's) must all see one
    // set of tables, or whichever class ran first would own the handlers' tables.
    ExtensionContext.Store classStore =
        Boolean.getBoolean(SHARED_PROPERTY)
            ? context.getRoot().getStore(ExtensionContext.Namespace.create(TestBackend.class))
            : context.getStore(
                ExtensionContext.Namespace.create(
                    TestBackend.class, context.getRequiredTestClass()));
    return classStore.getOrComputeIfAbsent(
        "store",
        key -> {
          URI endpoint = endpoint(context);
          String prefix = "t" + PREFIXES.incrementAndGet() + "-" + System.nanoTime() % 100000 + "-";
          Config config =
              new Config(prefix, java.util.Optional.of(endpoint), "eu-west-2", false, 0);
          try (DynamoDbClient client = org.signpost.handlers.wiring.Wiring.dynamoClient(config)) {
            Tables.createAll(client, prefix);
          }
          return new Store(endpoint, prefix);
        },
        Store.class);
  }

  private static URI endpoint(ExtensionContext context) {
    ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    Server server = root.getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    return server.endpoint();
  }

  /** The shared server; JUnit closes AutoCloseable store values when the whole run ends. */
  private record Server(URI endpoint, AutoCloseable handle) implements AutoCloseable {
    static Server start() {
      if ("localstack".equalsIgnoreCase(System.getenv("SIGNPOST_TEST_BACKEND"))) {
        return LocalStackBackend.start();
      }
      NodeServer dynalite =
          NodeServer.start(
              NodeServer.repositoryRoot().resolve("infrastructure/local/node/dynalite-server.js"));
      return new Server(URI.create("http://127.0.0.1:" + dynalite.port()), dynalite);
    }

    @Override
    public void close() {
      try {
        handle.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop the test store", e);
      }
    }
  }

  /** LocalStack, only touched when selected, because it needs Docker. */
  private static final class LocalStackBackend {
    static Server start() {
      var container =
          new org.testcontainers.containers.localstack.LocalStackContainer(
                  org.testcontainers.utility.DockerImageName.parse("localstack/localstack:4.4"))
              .withServices(
                  org.testcontainers.containers.localstack.LocalStackContainer.Service.DYNAMODB,
                  org.testcontainers.containers.localstack.LocalStackContainer.Service.S3);
      container.start();
      return new Server(container.getEndpoint(), container::stop);
    }
  }
}
