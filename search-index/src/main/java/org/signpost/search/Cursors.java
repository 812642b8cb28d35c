package org.signpost.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the sort values of the last hit on a page as an opaque cursor, so the next page continues
 * after it with searchAfter. Sort values, not offsets, keep paging stable while the index changes.
 */
final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursors() {}

  static String encode(String mode, FieldDoc last) {
    StringBuilder out = new StringBuilder(mode);
    for (Object value : last.fields) {
      out.append('\n');
      switch (value) {
        case null -> out.append('n');
        case Float f -> out.append('f').append(Float.floatToIntBits(f));
        case Double d -> out.append('d').append(Double.doubleToLongBits(d));
        case Long l -> out.append('l').append(l);
        case BytesRef b -> out.append('s').append(b.utf8ToString());
        default -> throw new IllegalStateException("unsupported sort value " + value.getClass());
      }
    }
    return ENCODER.encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Object[] decode(String cursor, String expectedMode, int expectedFields) {
    String raw;
    try {
      raw = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not valid base64url");
    }
    String[] parts = raw.split("\n", -1);
    if (!parts[0].equals(expectedMode) || parts.length != expectedFields + 1) {
      throw new InvalidCursorException("cursor does not belong to this query");
    }
    Object[] values = new Object[expectedFields];
    try {
      for (int i = 0; i < expectedFields; i++) {
        String part = parts[i + 1];
        if (part.isEmpty()) {
          throw new InvalidCursorException("cursor is truncated");
        }
        if (part.equals("n")) {
          values[i] = null;
          continue;
        }
        String body = part.substring(1);
        values[i] =
            switch (part.charAt(0)) {
              case 'f' -> Float.intBitsToFloat(Integer.parseInt(body));
              case 'd' -> Double.longBitsToDouble(Long.parseLong(body));
              case 'l' -> Long.parseLong(body);
              case 's' -> new BytesRef(body);
              default -> throw new InvalidCursorException("cursor has an unknown value type");
            };
      }
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("cursor holds a malformed number");
    }
    return values;
  }
}
