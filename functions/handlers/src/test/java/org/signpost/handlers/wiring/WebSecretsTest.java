package org.signpost.handlers.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The site key comes from Secrets Manager at init. The SDK talks real HTTP to a stand-in for the
 * service's endpoint (the SDK edge is the only thing faked).
 */
class WebSecretsTest {
  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-2:000000000000:secret:signpost-web-AbCdEf";
  private HttpServer server;
  private final AtomicReference<String> target = new AtomicReference<>();
  private final AtomicReference<String> body = new AtomicReference<>();
  private volatile String answer;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private Optional<URI> endpoint() {
    return Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @Test
  void siteKey_isReadFromTheTemplatesSecret() {
    String key = "k".repeat(64);
    answer = "{\"ARN\":\"" + ARN + "\",\"Name\":\"signpost-web\",\"SecretString\":\"" + key + "\"}";

    byte[] loaded = WebSecrets.fromSecretsManager(ARN, "eu-west-2", endpoint());

    assertThat(new String(loaded, StandardCharsets.UTF_8)).isEqualTo(key);
    assertThat(target.get()).isEqualTo("secretsmanager.GetSecretValue");
    assertThat(body.get()).contains("\"SecretId\":\"" + ARN + "\"");
  }

  @Test
  void aShortOrMissingSecret_stopsTheFunctionAtInit() {
    answer = "{\"ARN\":\"" + ARN + "\",\"Name\":\"signpost-web\",\"SecretString\":\"short\"}";

    assertThatThrownBy(() -> WebSecrets.fromSecretsManager(ARN, "eu-west-2", endpoint()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shorter than 32");
  }
}
