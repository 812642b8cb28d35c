package org.signpost.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.MembershipRepository;
import org.signpost.core.auth.Role;

/**
 * The local development signing key: generated on first use, kept in {@code .signpost/}, trusted
 * only by the local runtime. Mints tokens shaped like Cognito ID tokens. Immutable; thread-safe.
 */
public final class DevKeys {
  public static final String ISSUER = "https://signpost.local/dev-issuer";
  public static final String AUDIENCE = "signpost-local";

  private final RSAKey key;

  private DevKeys(RSAKey key) {
    this.key = key;
  }

  /** Loads the key from the state directory, generating it the first time. */
  public static synchronized DevKeys loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve("dev-jwk.json");
    try {
      if (Files.exists(file)) {
        return new DevKeys(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
      Files.createDirectories(stateDir);
      RSAKey generated =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .keyID("local-" + UUID.randomUUID())
              .generate();
      Path temp = Files.createTempFile(stateDir, "jwk", ".tmp");
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return new DevKeys(generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev key in " + stateDir, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the dev key in " + file + " is unusable; delete it", e);
    }
  }

  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  /**
   * Registers the membership a token stands for, then mints the token. The membership is what the
   * functions trust; the token's groups and organisation only mirror it, as Cognito groups would.
   */
  public String issue(
      MembershipRepository members,
      String role,
      String organisationId,
      String subject,
      Duration lifetime) {
    Role parsed =
        Role.parse(role).orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
    members.put(
        new Membership(
            subject,
            parsed,
            parsed == Role.PROVIDER ? Optional.ofNullable(organisationId) : Optional.empty()));
    return mint(role, organisationId, subject, lifetime);
  }

  /** Mints a token for a role, with an organisation for providers (registers nothing). */
  public String mint(String role, String organisationId, String subject, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(lifetime)))
            .claim("token_use", "id")
            .claim("cognito:groups", List.of(role));
    if (organisationId != null) {
      claims.claim("custom:org", organisationId);
    }
    return sign(claims.build());
  }

  String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }
}
