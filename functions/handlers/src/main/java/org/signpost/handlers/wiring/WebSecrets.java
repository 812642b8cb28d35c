package org.signpost.handlers.wiring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.signpost.handlers.web.FormTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The site key, read once at init: in AWS from the Secrets Manager secret the template creates
 * ({@code WEB_SECRET_ARN}, given only to the functions that use the key); locally from {@code
 * WEB_SECRET}, which {@code ./signpost run} keeps in {@code .signpost/}. Stateless.
 */
final class WebSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(WebSecrets.class);

  private WebSecrets() {}

  static byte[] load() {
    Optional<String> arn = Config.setting("WEB_SECRET_ARN").filter(s -> !s.isBlank());
    if (arn.isPresent()) {
      return fromSecretsManager(
          arn.get(),
          Config.setting("AWS_REGION").orElse("eu-west-2"),
          Config.setting("SECRETS_MANAGER_ENDPOINT").filter(s -> !s.isBlank()).map(URI::create));
    }
    Optional<String> local = Config.setting("WEB_SECRET").filter(s -> !s.isBlank());
    if (local.isPresent()) {
      return local.get().getBytes(StandardCharsets.UTF_8);
    }
    if (Config.setting("AWS_LAMBDA_FUNCTION_NAME").isPresent()) {
      // Functions that never sign forms or links get no secret; a key of their own is harmless.
      LOG.debug("no site key for this function; using a random one");
    } else {
      LOG.warn("WEB_SECRET is not set; using a random key for this process only");
    }
    return FormTokens.randomToken(32).getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] fromSecretsManager(String arn, String region, Optional<URI> endpoint) {
    SecretsManagerClientBuilder builder =
        SecretsManagerClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(region));
    endpoint.ifPresent(builder::endpointOverride);
    try (SecretsManagerClient client = builder.build()) {
      String secret = client.getSecretValue(r -> r.secretId(arn)).secretString();
      if (secret == null || secret.length() < 32) {
        throw new IllegalStateException("the site key secret is missing or shorter than 32");
      }
      return secret.getBytes(StandardCharsets.UTF_8);
    }
  }
}
