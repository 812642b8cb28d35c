package org.signpost.handlers.auth;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.signpost.handlers.wiring.Config;

/**
 * Where browser sign-in happens: the OpenID Connect provider (Cognito managed login in AWS, the
 * local mock server in development) and this site's public address.
 *
 * @param publicBaseUrl this site's address, such as {@code https://signpost.example}; links and the
 *     callback URL are built from it, never from request headers
 * @param issuer the {@code iss} every session token must carry
 * @param clientId the app client id; session tokens must name it as audience
 * @param authorizeUrl the provider's authorisation endpoint
 * @param tokenUrl the provider's token endpoint
 * @param jwksUrl where the provider publishes its signing keys
 * @param logoutUrl the provider's sign-out endpoint, if it has one
 */
public record OidcSettings(
    URI publicBaseUrl,
    String issuer,
    String clientId,
    URI authorizeUrl,
    URI tokenUrl,
    URI jwksUrl,
    Optional<URI> logoutUrl) {

  /** The variables read here; a test checks template.yaml sets them. */
  public static final List<String> VARIABLES =
      List.of(
          "PUBLIC_BASE_URL",
          "OIDC_ISSUER",
          "OIDC_CLIENT_ID",
          "OIDC_AUTHORIZE_URL",
          "OIDC_TOKEN_URL",
          "OIDC_JWKS_URL",
          "OIDC_LOGOUT_URL");

  public OidcSettings {
    String base = publicBaseUrl.toString();
    if (!base.startsWith("https://")
        && !base.startsWith("http://localhost")
        && !base.startsWith("http://127.0.0.1")) {
      throw new IllegalArgumentException("PUBLIC_BASE_URL must be https (or local): " + base);
    }
    if (base.endsWith("/")) {
      publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
    }
    logoutUrl = logoutUrl == null ? Optional.empty() : logoutUrl;
  }

  /** The callback registered with the provider. */
  public URI callbackUrl() {
    return URI.create(publicBaseUrl + "/auth/callback");
  }

  /** The settings from the environment, or empty where browser sign-in is not configured. */
  public static Optional<OidcSettings> fromEnvironment() {
    Optional<String> issuer = nonBlank("OIDC_ISSUER");
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new OidcSettings(
            URI.create(required("PUBLIC_BASE_URL")),
            issuer.get(),
            required("OIDC_CLIENT_ID"),
            URI.create(required("OIDC_AUTHORIZE_URL")),
            URI.create(required("OIDC_TOKEN_URL")),
            URI.create(required("OIDC_JWKS_URL")),
            nonBlank("OIDC_LOGOUT_URL").map(URI::create)));
  }

  /** This site's public address alone, for links in pages and messages. */
  public static Optional<URI> publicBaseUrlFromEnvironment() {
    return nonBlank("PUBLIC_BASE_URL").map(URI::create);
  }

  private static Optional<String> nonBlank(String name) {
    return Config.setting(name).filter(s -> !s.isBlank());
  }

  private static String required(String name) {
    return nonBlank(name)
        .orElseThrow(() -> new IllegalStateException(name + " is needed for browser sign-in"));
  }
}
