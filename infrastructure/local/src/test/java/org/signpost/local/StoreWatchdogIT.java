package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local runtime's store comes back by itself, on the same port and with its data. */
class StoreWatchdogIT {
  private static final Path SCRIPT =
      NodeServer.repositoryRoot().resolve("infrastructure/local/node/dynalite-server.js");

  @TempDir Path data;

  @Test
  void deadDynalite_isRestartedOnTheSamePort_withItsTables() throws Exception {
    NodeServer first = NodeServer.start(SCRIPT, "--path", data.toString());
    int port = first.port();
    Config config =
        new Config(
            "watchdog-", Optional.of(URI.create("http://127.0.0.1:" + port)), "eu-west-2", true, 0);
    try (StoreWatchdog watchdog = StoreWatchdog.watch(first, SCRIPT, data, 200);
        DynamoDbClient client = Wiring.dynamoClient(config)) {
      Tables.createAll(client, "watchdog-");
      int tables = client.listTables().tableNames().size();

      first.close();
      Instant deadline = Instant.now().plusSeconds(20);
      while ((watchdog.current() == first || !watchdog.current().alive())
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }

      assertThat(watchdog.current()).isNotSameAs(first);
      assertThat(watchdog.current().alive()).isTrue();
      assertThat(watchdog.current().port()).isEqualTo(port);
      assertThat(client.listTables().tableNames()).hasSize(tables).isNotEmpty();
    }
  }
}
