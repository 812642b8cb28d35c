package org.signpost.core.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, single-purpose, expiring link tokens for people who act without signing in (a group
 * confirming attendance, an owner confirming a listing). A token names its purpose, one subject id,
 * its expiry and a random nonce, and carries an HMAC-SHA256 over them with a key derived from the
 * site secret, so it cannot be altered or used for another purpose. Single use is the caller's
 * business (the token's {@link Valid#tokenId()} is stable for that). Immutable and thread-safe.
 */
public final class SignedLinks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int SIGNATURE_BYTES = 16;

  private final byte[] key;

  /** What checking a token found. */
  public sealed interface Checked permits Valid, Expired, Invalid {}

  /**
   * A genuine token of the expected purpose that has not expired.
   *
   * @param tokenId a hash of the whole token, to record single use without storing the token
   */
  public record Valid(String subject, Instant expires, String tokenId) implements Checked {}

  /** A genuine token whose time is up. */
  public record Expired(String subject) implements Checked {}

  /** Not a token we issued for this purpose: malformed, altered or for something else. */
  public record Invalid() implements Checked {}

  public SignedLinks(byte[] siteSecret) {
    this.key = hmac(siteSecret, "signpost signed links v1".getBytes(StandardCharsets.UTF_8));
  }

  /** A token for one purpose and subject, valid until {@code expires}. */
  public String issue(String purpose, String subject, Instant expires) {
    requirePart(purpose, "purpose");
    requirePart(subject, "subject");
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    String payload =
        purpose
            + "."
            + subject
            + "."
            + expires.getEpochSecond()
            + "."
            + HexFormat.of().formatHex(nonce);
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes));
  }

  /** Checks a token's signature, purpose and expiry at {@code now}. Never throws on bad input. */
  public Checked check(String purpose, String token, Instant now) {
    if (token == null
        || token.length() > 400
        || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
      return new Invalid();
    }
    String[] halves = token.split("\\.");
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(halves[0]);
      signature = Base64.getUrlDecoder().decode(halves[1]);
    } catch (IllegalArgumentException e) {
      return new Invalid();
    }
    // One spelling per token: unused trailing bits must not make a "different" token (single use
    // is recorded by a hash of the token's text).
    if (!B64.encodeToString(payload).equals(halves[0])
        || !B64.encodeToString(signature).equals(halves[1])) {
      return new Invalid();
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      return new Invalid();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\.");
    if (parts.length != 4 || !parts[0].equals(purpose) || !parts[2].matches("\\d{1,12}")) {
      return new Invalid();
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
    if (!now.isBefore(expires)) {
      return new Expired(parts[1]);
    }
    return new Valid(parts[1], expires, HexFormat.of().formatHex(sha256(token)));
  }

  private byte[] sign(byte[] payload) {
    return Arrays.copyOf(hmac(key, payload), SIGNATURE_BYTES);
  }

  private static void requirePart(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.matches("[A-Za-z0-9_-]{1,100}")) {
      throw new IllegalArgumentException(name + " must be 1-100 letters, digits, _ or -: " + value);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
