package org.signpost.handlers.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.signpost.handlers.web.FormTokens;

/**
 * A sign-in in progress, kept in the browser's {@link SessionCookies#LOGIN} cookie signed with the
 * site key, so any execution environment can finish it and nothing is stored.
 *
 * @param state the OAuth {@code state}, compared with the callback's
 * @param nonce the OpenID {@code nonce}, compared with the ID token's
 * @param verifier the PKCE code verifier
 * @param next where to go once signed in (a path on this site)
 * @param issuedAt when the sign-in started, epoch milliseconds
 */
record LoginState(String state, String nonce, String verifier, String next, long issuedAt) {
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  static LoginState start(String next, Clock clock) {
    return new LoginState(
        FormTokens.randomToken(24),
        FormTokens.randomToken(24),
        FormTokens.randomToken(48),
        next,
        clock.millis());
  }

  /** The S256 PKCE challenge of the verifier. */
  String challenge() {
    try {
      return B64.encodeToString(
          MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  String seal(byte[] key) {
    String payload =
        String.join(
            ".",
            state,
            nonce,
            verifier,
            B64.encodeToString(next.getBytes(StandardCharsets.UTF_8)),
            Long.toString(issuedAt));
    return payload + "." + mac(key, payload);
  }

  /** The state in a cookie, if it is well-formed, signed by this site and recent. */
  static Optional<LoginState> open(String sealed, byte[] key, Clock clock) {
    if (sealed == null) {
      return Optional.empty();
    }
    String[] parts = sealed.split("\\.", -1);
    if (parts.length != 6) {
      return Optional.empty();
    }
    String payload = sealed.substring(0, sealed.lastIndexOf('.'));
    if (!MessageDigest.isEqual(
        mac(key, payload).getBytes(StandardCharsets.US_ASCII),
        parts[5].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      long issued = Long.parseLong(parts[4]);
      long age = clock.millis() - issued;
      if (age < 0 || age > MAX_AGE.toMillis()) {
        return Optional.empty();
      }
      return Optional.of(
          new LoginState(
              parts[0],
              parts[1],
              parts[2],
              new String(B64D.decode(parts[3]), StandardCharsets.UTF_8),
              issued));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True if the callback's state is this one, compared in constant time. */
  boolean matches(String callbackState) {
    return callbackState != null
        && MessageDigest.isEqual(
            state.getBytes(StandardCharsets.US_ASCII),
            callbackState.getBytes(StandardCharsets.US_ASCII));
  }

  private static String mac(byte[] key, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update("signpost-login|".getBytes(StandardCharsets.US_ASCII));
      return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }
}
