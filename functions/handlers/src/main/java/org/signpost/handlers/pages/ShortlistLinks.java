package org.signpost.handlers.pages;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private links to a shortlist that need no storage: the token is the list and its expiry sealed
 * with AES-GCM, so it is unguessable, cannot be changed without being refused, expires, and shows
 * nothing (not even which activities) to anyone who sees the URL. Thread-safe.
 */
final class ShortlistLinks {
  static final Duration LIFETIME = Duration.ofDays(30);
  static final int MAX_TOKEN_CHARS = 1_000;
  private static final int IV_BYTES = 12;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param secret the deployment's web secret material; a purpose label keeps this key apart from
   *     the form-token key made from the same secret
   */
  ShortlistLinks(String secret, Clock clock) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("shortlist-link-v1|" + secret).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    this.clock = clock;
  }

  /** A token for this list in this language, valid for {@link #LIFETIME}. */
  String seal(Shortlist list, String language) {
    String plain =
        clock.instant().plus(LIFETIME).getEpochSecond()
            + "|"
            + language
            + "|"
            + String.join(".", list.ids());
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return B64.encodeToString(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The list and language, or empty when the token is malformed, tampered with or expired. */
  Optional<Opened> open(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS || !token.matches("[A-Za-z0-9_-]+")) {
      return Optional.empty();
    }
    try {
      byte[] all = B64D.decode(token);
      if (all.length <= IV_BYTES + 16) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
      String plain =
          new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", 3);
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
      if (!clock.instant().isBefore(expires)) {
        return Optional.of(new Opened(Shortlist.parse(""), parts[1], true));
      }
      return Optional.of(new Opened(Shortlist.parse(parts[2]), parts[1], false));
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** What a token held; an expired one keeps only its language, to say so in it. */
  record Opened(Shortlist list, String language, boolean expired) {}
}
