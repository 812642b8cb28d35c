package org.signpost.handlers.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The page languages and their messages, read once from {@code i18n/messages*.properties} (UTF-8).
 * A key missing from a translation falls back to English, so an unsure translator can leave a line
 * out. Immutable; thread-safe.
 */
public final class I18n {
  /**
   * One language the pages speak.
   *
   * @param code ISO 639-1 code, used in {@code lang} and the {@code ?lang=} switch
   * @param name the language's own name, as the switcher shows it
   * @param rtl whether it is written right to left
   */
  public record Language(String code, String name, boolean rtl) {
    public String dir() {
      return rtl ? "rtl" : "ltr";
    }

    /**
     * The locale dates, times and numbers are written in: the language as used in the UK. For
     * English that means "8 Dec 2026, 18:30", not the American "Dec 8, 2026, 6:30 PM"; the other
     * languages have no UK variant and keep their own conventions.
     */
    public Locale locale() {
      return Locale.forLanguageTag(code + "-GB");
    }
  }

  public static final List<Language> LANGUAGES =
      List.of(
          new Language("en", "English", false),
          new Language("pl", "Polski", false),
          new Language("ar", "العربية", true),
          new Language("ur", "اردو", true),
          new Language("bn", "বাংলা", false));

  public static final Language ENGLISH = LANGUAGES.get(0);

  private final Map<String, Map<String, String>> messages;

  public I18n() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    Map<String, String> english = load(Locale.ROOT);
    all.put("en", english);
    for (Language language : LANGUAGES.subList(1, LANGUAGES.size())) {
      Map<String, String> merged = new LinkedHashMap<>(english);
      merged.putAll(load(Locale.forLanguageTag(language.code())));
      all.put(language.code(), Collections.unmodifiableMap(merged));
    }
    this.messages = Map.copyOf(all);
  }

  /** The messages of a language, English filling any gap. */
  public Map<String, String> messages(Language language) {
    return messages.get(language.code());
  }

  /** One message, with {0}-style arguments filled in. */
  public String message(Language language, String key, Object... args) {
    String pattern = messages(language).get(key);
    if (pattern == null) {
      throw new MissingResourceException("no message " + key, "messages", key);
    }
    return args.length == 0
        ? pattern
        : new java.text.MessageFormat(pattern, language.locale()).format(args);
  }

  public static Optional<Language> byCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return LANGUAGES.stream().filter(l -> l.code().equals(wanted)).findFirst();
  }

  /** The first supported language of an Accept-Language header, ignoring weights' order. */
  public static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String primary = range.getRange().split("-")[0];
        Optional<Language> found = byCode(primary);
        if (found.isPresent()) {
          return found;
        }
      }
    } catch (IllegalArgumentException malformed) {
      // a malformed header is not worth an error page; fall back to the default
    }
    return Optional.empty();
  }

  private static Map<String, String> load(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> out = new LinkedHashMap<>();
    // Only this bundle's own keys: the parent chain would hide which translations are missing.
    for (String key : bundle.keySet()) {
      out.put(key, bundle.getString(key));
    }
    return out;
  }
}
