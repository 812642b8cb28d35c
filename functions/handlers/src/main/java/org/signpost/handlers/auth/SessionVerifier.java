package org.signpost.handlers.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a session cookie's ID token against the provider's published keys (fetched once and
 * cached, refreshed when an unknown key id appears): RS256 signature, issuer, audience, expiry.
 * Thread-safe.
 */
public final class SessionVerifier {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public SessionVerifier(OidcSettings settings) {
    this(remoteKeys(settings), settings.issuer(), settings.clientId());
  }

  SessionVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat")));
  }

  private static JWKSource<SecurityContext> remoteKeys(OidcSettings settings) {
    try {
      return JWKSourceBuilder.create(settings.jwksUrl().toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("OIDC_JWKS_URL is not a URL: " + settings.jwksUrl(), e);
    }
  }

  /** The verified claims of a token, or empty if it is malformed, forged, foreign or expired. */
  public Optional<JWTClaimsSet> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Optional.empty();
    }
    try {
      return Optional.of(processor.process(token, null));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** The subject of a valid token. */
  public Optional<String> subject(String token) {
    return verify(token).map(JWTClaimsSet::getSubject).filter(s -> !s.isBlank());
  }
}
