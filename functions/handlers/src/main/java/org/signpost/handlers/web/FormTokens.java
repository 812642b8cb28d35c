package org.signpost.handlers.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.signpost.core.errors.SignpostException;

/**
 * CSRF protection by a signed double-submit token, which also carries when the form was drawn.
 *
 * <p>The browser holds a random value in an HttpOnly cookie; each form carries {@code
 * issuedAt.HMAC(key, cookie|issuedAt)}. A cross-site page can make the browser send the cookie but
 * cannot read it or forge the signature, and nothing is stored server-side, so it works across
 * Lambda environments that share the key. The signed time gives forms a minimum fill time (bots
 * post at once) and a maximum age. Thread-safe.
 */
public final class FormTokens {
  public static final String COOKIE = "sp_csrf";
  public static final String FIELD = "form_token";
  static final Duration MAX_AGE = Duration.ofHours(6);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final Clock clock;

  public FormTokens(byte[] key, Clock clock) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the form key needs at least 128 bits");
    }
    this.key = key.clone();
    this.clock = clock;
  }

  /** A fresh cookie value: 128 random bits. */
  public static String newCookieValue() {
    return randomToken(16);
  }

  /** URL-safe random text of the given number of bytes. */
  public static String randomToken(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return B64.encodeToString(raw);
  }

  /** The token a form rendered now carries, bound to the browser's cookie. */
  public String issue(String cookieValue) {
    long issuedAt = clock.millis();
    return issuedAt + "." + sign(cookieValue + "|" + issuedAt);
  }

  /**
   * Checks a posted token against the cookie and returns when its form was drawn.
   *
   * @throws SignpostException.Forbidden when the token is missing, forged, for another browser or
   *     too old; the page then asks the person to try again
   */
  public Instant verify(String cookieValue, String token) {
    if (cookieValue == null || cookieValue.isBlank() || token == null) {
      throw new SignpostException.Forbidden("the form has expired; please try again");
    }
    int dot = token.indexOf('.');
    long issuedAt;
    try {
      issuedAt = Long.parseLong(token.substring(0, Math.max(dot, 0)));
    } catch (NumberFormatException e) {
      throw new SignpostException.Forbidden("the form has expired; please try again");
    }
    byte[] expected = sign(cookieValue + "|" + issuedAt).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    Instant issued = Instant.ofEpochMilli(issuedAt);
    if (!MessageDigest.isEqual(expected, actual)
        || issued.isAfter(clock.instant().plusSeconds(60))
        || issued.plus(MAX_AGE).isBefore(clock.instant())) {
      throw new SignpostException.Forbidden("the form has expired; please try again");
    }
    return issued;
  }

  /** HMAC-SHA256 of a label, for other keyed hashes (rate-limit buckets, status tokens). */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
