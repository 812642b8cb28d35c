package org.signpost.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON reading for the test corpus: this module may not depend on Jackson. */
final class MiniJson {
  private final String text;
  private int at;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson parser = new MiniJson(text);
    Object value = parser.value();
    parser.space();
    if (parser.at != text.length()) {
      throw new IllegalArgumentException("trailing text at " + parser.at);
    }
    return value;
  }

  private Object value() {
    space();
    char c = text.charAt(at);
    switch (c) {
      case '{' -> {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        space();
        if (text.charAt(at) == '}') {
          at++;
          return map;
        }
        do {
          space();
          String key = string();
          space();
          expect(':');
          map.put(key, value());
          space();
        } while (text.charAt(at++) == ',');
        return map;
      }
      case '[' -> {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (text.charAt(at) == ']') {
          at++;
          return list;
        }
        do {
          list.add(value());
          space();
        } while (text.charAt(at++) == ',');
        return list;
      }
      case '"' -> {
        return string();
      }
      default -> {
        int start = at;
        while (at < text.length() && ",]} \n\r\t".indexOf(text.charAt(at)) < 0) {
          at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
          case "null" -> null;
          case "true" -> true;
          case "false" -> false;
          default -> Double.parseDouble(word);
        };
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (text.charAt(at) != '"') {
      char c = text.charAt(at++);
      if (c == '\\') {
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    at++;
    return out.toString();
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + at);
    }
    at++;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
