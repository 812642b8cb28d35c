package org.signpost.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates bearer tokens the way the HTTP API JWT authoriser does (RS256 signature, issuer,
 * audience, expiry and not-before) and flattens claims the way it passes them to Lambda: every
 * value a string, arrays as {@code [a b]}. Immutable; thread-safe.
 */
public final class JwtAuthoriser {
  private static final Duration SKEW = Duration.ofSeconds(30);

  private final RSAKey publicKey;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  public JwtAuthoriser(RSAKey publicKey, String issuer, String audience, Clock clock) {
    this.publicKey = publicKey;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  /** The flattened claims of a valid token, or a reason it was refused. */
  public sealed interface Outcome {}

  /** A valid token. */
  public record Accepted(Map<String, String> claims) implements Outcome {}

  /** An invalid or missing token, with a reason safe to show. */
  public record Refused(String reason) implements Outcome {}

  public Outcome check(Optional<String> authorization) {
    if (authorization.isEmpty() || authorization.get().isBlank()) {
      return new Refused("no bearer token");
    }
    String header = authorization.get().trim();
    String token =
        header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return new Refused("token must be signed with RS256");
      }
      if (!jwt.verify(new RSASSAVerifier(publicKey))) {
        return new Refused("token signature is not valid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!issuer.equals(claims.getIssuer())) {
        return new Refused("token issuer is not trusted");
      }
      if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
        return new Refused("token audience is wrong");
      }
      Date now = Date.from(clock.instant());
      if (claims.getExpirationTime() == null
          || claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now.toInstant())) {
        return new Refused("token has expired");
      }
      if (claims.getNotBeforeTime() != null
          && claims.getNotBeforeTime().toInstant().minus(SKEW).isAfter(now.toInstant())) {
        return new Refused("token is not valid yet");
      }
      return new Accepted(flatten(claims));
    } catch (ParseException e) {
      return new Refused("token is malformed");
    } catch (JOSEException e) {
      return new Refused("token signature could not be checked");
    }
  }

  private static Map<String, String> flatten(JWTClaimsSet claims) {
    Map<String, String> out = new LinkedHashMap<>();
    claims
        .getClaims()
        .forEach(
            (name, value) -> {
              String flat =
                  switch (value) {
                    case Collection<?> list ->
                        list.stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(" ", "[", "]"));
                    case Date date -> String.valueOf(date.getTime() / 1000);
                    default -> String.valueOf(value);
                  };
              out.put(name, flat);
            });
    return out;
  }
}
