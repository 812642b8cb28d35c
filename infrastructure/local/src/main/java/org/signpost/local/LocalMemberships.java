package org.signpost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.signpost.core.auth.MembershipRepository;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.storage.DynamoMembershipRepository;
import org.signpost.handlers.storage.Tables;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The memberships table of the local store, for {@code ./signpost token}: the running local
 * runtime's store when {@code ./signpost run} advertises one, else the store under {@code
 * .signpost/} opened for the moment. Not thread-safe; close after use.
 */
final class LocalMemberships implements AutoCloseable {
  private static final String ENDPOINT_FILE = "store-endpoint";
  private static final String PREFIX = "local-";

  private final Optional<NodeServer> started;
  private final DynamoDbClient client;
  private final MembershipRepository repository;

  private LocalMemberships(Optional<NodeServer> started, URI endpoint) {
    this.started = started;
    this.client =
        Wiring.dynamoClient(new Config(PREFIX, Optional.of(endpoint), "eu-west-2", false, 1000));
    Tables.createAll(client, PREFIX);
    this.repository =
        new DynamoMembershipRepository(
            DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), PREFIX);
  }

  static LocalMemberships open(Path state) {
    Path advertised = state.resolve(ENDPOINT_FILE);
    if (Files.exists(advertised)) {
      try {
        URI endpoint = URI.create(Files.readString(advertised, StandardCharsets.UTF_8).strip());
        LocalMemberships running = new LocalMemberships(Optional.empty(), endpoint);
        running.repository.find("-");
        return running;
      } catch (IOException | RuntimeException stale) {
        // A run that ended without cleaning up: fall through and open the store ourselves.
      }
    }
    Path data = state.resolve("dynalite");
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NodeServer dynalite =
        NodeServer.start(
            NodeServer.repositoryRoot().resolve("infrastructure/local/node/dynalite-server.js"),
            "--path",
            data.toString());
    return new LocalMemberships(
        Optional.of(dynalite), URI.create("http://127.0.0.1:" + dynalite.port()));
  }

  MembershipRepository repository() {
    return repository;
  }

  static void advertise(Path state, int storePort) throws IOException {
    Files.writeString(
        state.resolve(ENDPOINT_FILE),
        "http://127.0.0.1:" + storePort + "\n",
        StandardCharsets.UTF_8);
  }

  static void withdraw(Path state) {
    try {
      Files.deleteIfExists(state.resolve(ENDPOINT_FILE));
    } catch (IOException e) {
      // best effort on shutdown; open() treats a stale file as absent
    }
  }

  @Override
  public void close() {
    client.close();
    started.ifPresent(NodeServer::close);
  }
}
