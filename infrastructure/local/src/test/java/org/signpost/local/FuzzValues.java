package org.signpost.local;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** The bad values the fuzz suite draws from: scalars, bodies, ids, cursors and header values. */
final class FuzzValues {
  private FuzzValues() {}

  static Object badValue(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> null;
      case 1 -> random.nextInt();
      case 2 -> List.of();
      case 3 -> Map.of("nested", Map.of("deeper", List.of(1, "two")));
      case 4 -> java.util.Arrays.asList("a", null);
      case 5 -> Long.MAX_VALUE;
      case 6 -> -1.5e308;
      case 7 -> random.nextBoolean();
      default -> SpecFuzzer.pick(random, BAD_SCALARS);
    };
  }

  static final List<String> BAD_SCALARS =
      List.of(
          "",
          " ",
          "x".repeat(3_000),
          "y".repeat(100_001),
          "é".repeat(2_000),
          "\u0000",
          "\ud83d\ude00 emoji",
          "\u202e right-to-left",
          "null",
          "-1",
          "0",
          "9223372036854775808",
          "1e400",
          "NaN",
          "1".repeat(1_001),
          "true",
          "not-an-enum",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "%",
          "a=b&c=d",
          "99:99",
          "2026-13-45",
          "52.4,",
          "91,181",
          "[]",
          "{}");

  static final List<String> BAD_BODIES =
      List.of(
          "",
          "{",
          "null",
          "[]",
          "[null]",
          "\"text\"",
          "{}{}",
          "{\"a\":1,\"a\":2}",
          "{\"n\":" + "1".repeat(1_001) + "}",
          "{\"s\":\"" + "z".repeat(100_001) + "\"}",
          "{\"bad\":\"\\ud800\"}",
          "\u0000",
          "<xml/>",
          "name=x&phone=y");

  static final List<String> BAD_IDS =
      List.of(
          "lst-" + "x".repeat(3_000),
          "x".repeat(201),
          "é".repeat(700),
          "lst-0000000000000000",
          "lst-0000000000000000 ",
          " lst-0000000000000000",
          "lst\u0000zero",
          "lst\n1",
          "..",
          "a/b",
          "\ud83d\ude00",
          "%",
          "ref-unknown",
          "null",
          "-1");

  static final List<String> BAD_CURSORS =
      List.of(
          "UgpsMQpkNQ",
          "AAAA",
          "////",
          "eyJzIjoxfQ",
          "x".repeat(5_000),
          "",
          "%00",
          "bm90IGEgY3Vyc29y");

  static final List<String> BAD_IF_MATCH =
      List.of(
          "\"9223372036854775807\"",
          "\"9223372036854775808\"",
          "\"-1\"",
          "\"0\"",
          "W/\"1\"",
          "\"1\"",
          "*",
          "\"abc\"",
          "\"" + "9".repeat(500) + "\"",
          "",
          "\"1\", \"2\"");

  static final List<String> BAD_HEADER_VALUES =
      List.of("x".repeat(8_000), "en;q=abc,,,;", "*", "zz-ZZ", "a=b; c", "=", ";;;");

  static final List<String> BAD_AUTHORIZATION =
      List.of(
          "Bearer ",
          "Bearer x.y.z",
          "Basic YWRtaW46YWRtaW4=",
          "Bearer " + "a".repeat(4_000),
          "bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

  /** Header values the HTTP client can send: printable ASCII, at most 8,000 characters. */
  static String headerSafe(String value) {
    String ascii = value.replaceAll("[^\\x20-\\x7e]", "?");
    return ascii.length() > 8_000 ? ascii.substring(0, 8_000) : ascii;
  }
}
