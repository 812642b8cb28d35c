package org.signpost.handlers.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders Mustache templates from {@code templates/} on the classpath. Mustache escapes every
 * {@code {{value}}} for HTML; a test fails the build if a template uses the unescaped forms. Pages
 * share the layout through the {@code {{> layout/top}}} and {@code {{> layout/bottom}}} partials.
 * Mustache resolves partials relative to the including file's folder, so page templates live at the
 * top of {@code templates/} (name them {@code area_page.mustache}, such as {@code
 * portal_referrals}). Thread-safe: compiled templates are cached and immutable.
 */
public final class Templates {
  private final DefaultMustacheFactory factory = new DefaultMustacheFactory("templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  /** Renders {@code templates/<name>.mustache} against a scope. */
  public String render(String name, Map<String, Object> scope) {
    Mustache mustache = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }
}
