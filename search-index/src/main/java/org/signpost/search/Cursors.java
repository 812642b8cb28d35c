package org.signpost.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes where a page ended as an opaque, signed cursor: the searcher it was cut from, a
 * fingerprint of the query, and the sort values of the last hit. The next page reuses that searcher
 * while it is kept, so paging neither repeats nor skips; when it is gone, the query runs again on
 * the current one and continues after the same sort values. A cursor that was altered, or belongs
 * to another query, is refused. Immutable and thread-safe.
 */
final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAC_BYTES = 16;
  static final int MAX_LENGTH = 4096;

  /** What a decoded cursor says. */
  record Position(long searcherVersion, Object[] after) {}

  /** The kind of each sort value, so a decoded value always has the type its sort needs. */
  enum Kind {
    DOUBLE,
    STRING,
    STRING_OR_NULL
  }

  private final SecretKeySpec key;

  Cursors(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("a cursor key needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  String encode(String mode, long searcherVersion, String queryFingerprint, FieldDoc last) {
    StringBuilder out = new StringBuilder(mode);
    out.append('\n').append(searcherVersion).append('\n').append(queryFingerprint);
    for (Object value : last.fields) {
      out.append('\n');
      switch (value) {
        case null -> out.append('n');
        case Double d -> out.append('d').append(Double.doubleToLongBits(d));
        case BytesRef b -> out.append('s').append(b.utf8ToString());
        default -> throw new IllegalStateException("unsupported sort value " + value.getClass());
      }
    }
    byte[] payload = out.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  Position decode(String cursor, String expectedMode, String queryFingerprint, Kind[] kinds) {
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidCursorException("cursor is too long");
    }
    int dot = cursor.indexOf('.');
    byte[] payload;
    byte[] signature;
    try {
      if (dot < 0) {
        throw new IllegalArgumentException("no signature");
      }
      payload = DECODER.decode(cursor.substring(0, dot));
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not one this service issued");
    }
    if (!MessageDigest.isEqual(signature, mac(payload))) {
      throw new InvalidCursorException("cursor is not one this service issued");
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != kinds.length + 3
        || !parts[0].equals(expectedMode)
        || !parts[2].equals(queryFingerprint)) {
      throw new InvalidCursorException("cursor does not belong to this query");
    }
    try {
      long version = Long.parseLong(parts[1]);
      Object[] values = new Object[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        values[i] = value(parts[i + 3], kinds[i]);
      }
      return new Position(version, values);
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("cursor holds a malformed number");
    }
  }

  private static Object value(String part, Kind kind) {
    if (part.equals("n") && kind == Kind.STRING_OR_NULL) {
      return null;
    }
    if (part.isEmpty()) {
      throw new InvalidCursorException("cursor is truncated");
    }
    String body = part.substring(1);
    return switch (kind) {
      case DOUBLE -> {
        if (part.charAt(0) != 'd') {
          throw new InvalidCursorException("cursor holds a value of the wrong type");
        }
        double d = Double.longBitsToDouble(Long.parseLong(body));
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new InvalidCursorException("cursor holds a value out of range");
        }
        yield d;
      }
      case STRING, STRING_OR_NULL -> {
        if (part.charAt(0) != 's') {
          throw new InvalidCursorException("cursor holds a value of the wrong type");
        }
        yield new BytesRef(body);
      }
    };
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always present", e);
    }
  }
}
