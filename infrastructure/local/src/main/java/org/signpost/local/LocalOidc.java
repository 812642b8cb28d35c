package org.signpost.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The local OpenID Connect provider: a real authorisation server with a login page where any user
 * name signs in as that subject, so the local runtime runs the same code flow as Cognito managed
 * login. Its keys live only as long as the process. Thread-safe.
 */
public final class LocalOidc implements AutoCloseable {
  /** The app client id the local runtime uses. */
  public static final String CLIENT_ID = "signpost-local";

  private static final String ISSUER_ID = "signpost";

  private final MockOAuth2Server server;

  private LocalOidc(MockOAuth2Server server) {
    this.server = server;
  }

  /** Starts the provider on a loopback port (0 for any free one). */
  public static LocalOidc start(int port) {
    MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
    try {
      server.start(InetAddress.getByName("127.0.0.1"), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("no loopback address", e);
    }
    return new LocalOidc(server);
  }

  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  public String authorizeUrl() {
    return server.authorizationEndpointUrl(ISSUER_ID).toString();
  }

  /**
   * Points this process's handlers at the provider, with {@code publicBaseUrl} as the address the
   * browser uses for this site (the local runtime's).
   */
  public void configure(String publicBaseUrl) {
    System.setProperty("PUBLIC_BASE_URL", publicBaseUrl);
    System.setProperty("OIDC_ISSUER", issuer());
    System.setProperty("OIDC_CLIENT_ID", CLIENT_ID);
    System.setProperty("OIDC_AUTHORIZE_URL", authorizeUrl());
    System.setProperty("OIDC_TOKEN_URL", server.tokenEndpointUrl(ISSUER_ID).toString());
    System.setProperty("OIDC_JWKS_URL", server.jwksUrl(ISSUER_ID).toString());
    System.setProperty("OIDC_LOGOUT_URL", server.endSessionEndpointUrl(ISSUER_ID).toString());
  }

  /** A token this provider signs with any claims and lifetime (for tests of refused sessions). */
  String token(java.util.Map<String, Object> claims, java.time.Duration lifetime) {
    return server.anyToken(server.issuerUrl(ISSUER_ID), claims, lifetime).serialize();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
