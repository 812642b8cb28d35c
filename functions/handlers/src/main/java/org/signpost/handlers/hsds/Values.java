package org.signpost.handlers.hsds;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the messy values that real directories hold (times, phone numbers, language names) or
 * says why it cannot. Nothing is guessed silently: every rule is written down here. Stateless.
 */
final class Values {
  private static final Pattern TIME =
      Pattern.compile(
          "^(\\d{1,2})(?:[:.](\\d{2}))?(?::(\\d{2}))?\\s*([ap])?\\.?\\s*(?:m\\.?)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE =
      Pattern.compile("^(.+?)\\s*(?:-|–|—|\\bto\\b)\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> LANGUAGE_NAMES = new HashMap<>();

  static {
    for (String code : Locale.getISOLanguages()) {
      String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
      LANGUAGE_NAMES.putIfAbsent(name, code);
    }
    // Common names that differ from the JDK's display names.
    LANGUAGE_NAMES.put("farsi", "fa");
    LANGUAGE_NAMES.put("cantonese", "zh");
    LANGUAGE_NAMES.put("mandarin", "zh");
    LANGUAGE_NAMES.put("tagalog", "tl");
  }

  private Values() {}

  /** A start and end time as HH:mm. */
  record TimeRange(String start, String end) {}

  /**
   * Parses a clock time such as {@code 15:00}, {@code 9:00:00}, {@code 3pm}, {@code 4:00 PM} or
   * {@code noon} to HH:mm.
   *
   * @throws IllegalArgumentException naming the value when it is not a time
   */
  static String time(String raw) {
    return format(parseTime(raw));
  }

  /**
   * Parses a range such as {@code 9:00-5:00} or {@code 9am to 5pm}. An end without am/pm that would
   * fall before the start is read as afternoon (9:00-5:00 is 09:00-17:00), because nobody runs a
   * session from nine in the morning to five in the morning.
   */
  static TimeRange range(String raw) {
    Matcher m = RANGE.matcher(raw.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a time range (like 9:00-17:00): '" + clip(raw) + "'");
    }
    LocalTime start = parseTime(m.group(1));
    LocalTime end = parseTime(m.group(2));
    boolean endHasMeridiem = m.group(2).toLowerCase(Locale.ROOT).matches(".*[ap]\\.?m?\\.?$");
    if (!end.isAfter(start) && !endHasMeridiem && end.getHour() < 12) {
      end = end.plusHours(12);
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the range ends before it starts: '" + clip(raw) + "'");
    }
    return new TimeRange(format(start), format(end));
  }

  private static LocalTime parseTime(String raw) {
    String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (value.equals("noon") || value.equals("midday")) {
      return LocalTime.NOON;
    }
    Matcher m = TIME.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a time (like 14:30 or 2:30pm): '" + clip(raw) + "'");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String meridiem = m.group(4);
    if (meridiem != null) {
      if (hour < 1 || hour > 12) {
        throw new IllegalArgumentException("not a 12-hour time: '" + clip(raw) + "'");
      }
      hour = hour % 12 + (meridiem.equals("p") ? 12 : 0);
    } else if (m.group(2) == null) {
      // "9" alone could be 09:00 or 21:00; refuse rather than guess.
      throw new IllegalArgumentException("a bare hour is ambiguous: '" + clip(raw) + "'");
    }
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException("not a time of day: '" + clip(raw) + "'");
    }
    return LocalTime.of(hour, minute);
  }

  private static String format(LocalTime time) {
    return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
  }

  /**
   * A public phone number in the shape the listing model accepts: digits, spaces and hyphens with
   * an optional leading +. Brackets and dots become spaces; letters (vanity numbers) are refused.
   */
  static String phone(String raw) {
    String value = raw.strip();
    if (value.matches(".*[A-Za-z].*")) {
      throw new IllegalArgumentException(
          "a phone number must be digits, not letters: '" + clip(raw) + "'");
    }
    String cleaned =
        value.replaceAll("[().\\u00a0/]", " ").replaceAll("\\s+", " ").replaceAll(" ?- ?", "-");
    cleaned = cleaned.strip();
    if (!cleaned.matches("^\\+?[0-9][0-9 -]{2,19}$")) {
      throw new IllegalArgumentException("not a phone number: '" + clip(raw) + "'");
    }
    return cleaned;
  }

  /**
   * ISO 639-1 codes for a list such as {@code English, Spanish} or {@code en;es}; names that are
   * not languages are returned in {@code unknown}.
   */
  static Languages languages(String raw) {
    List<String> codes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String part : raw.split("\\s*(?:[,;/|]|\\band\\b)\\s*")) {
      String name = part.strip().replaceAll("[.!]+$", "").toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      String code =
          name.matches("[a-z]{2}") && LANGUAGE_NAMES.containsValue(name)
              ? name
              : LANGUAGE_NAMES.get(name);
      if (code == null) {
        unknown.add(part.strip());
      } else if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return new Languages(List.copyOf(codes), List.copyOf(unknown));
  }

  /** Language codes found and names that were not recognised. */
  record Languages(List<String> codes, List<String> unknown) {}

  static String clip(String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  /**
   * True when a spreadsheet would run the cell as a formula. A plain number such as a negative
   * longitude cannot do harm, so it is left alone rather than turned into text.
   */
  static boolean looksLikeFormula(String cell) {
    return !cell.isEmpty()
        && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
        && !cell.matches("^[+-]?\\d+(\\.\\d+)?$");
  }
}
