package org.signpost.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local-only development sign-in: a form that mints the same token as {@code ./signpost token} and
 * keeps it in an HttpOnly cookie, which the local runtime sends on as the bearer token. It stands
 * in for Cognito's hosted UI and is never part of the deployed API. Immutable; thread-safe.
 */
final class DevSignIn {
  static final String PATH = "/dev/sign-in";
  static final String SIGN_OUT = "/dev/sign-out";
  static final String COOKIE = "sp_dev_token";

  private final DevKeys keys;

  DevSignIn(DevKeys keys) {
    this.keys = keys;
  }

  /** The bearer token carried by the dev cookie, if any. */
  static Optional<String> tokenFrom(List<String> cookieHeaders) {
    if (cookieHeaders == null) {
      return Optional.empty();
    }
    for (String header : cookieHeaders) {
      for (String cookie : header.split(";")) {
        String trimmed = cookie.trim();
        if (trimmed.startsWith(COOKIE + "=")) {
          return Optional.of(trimmed.substring(COOKIE.length() + 1));
        }
      }
    }
    return Optional.empty();
  }

  String page(String message) {
    return """
        <!DOCTYPE html>
        <html lang="en" dir="ltr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Development sign-in – Signpost</title><link rel="stylesheet" href="/assets/site.css"></head>
        <body><main id="main">
        <h1>Development sign-in</h1>
        <p>Only the local runtime offers this page. In AWS people sign in with Cognito.</p>
        %s
        <form method="post" action="/dev/sign-in">
          <label for="role">Role</label>
          <select id="role" name="role">
            <option value="provider">Provider (community group)</option>
            <option value="admin">Admin (moderator)</option>
            <option value="prescriber">Prescriber (link worker)</option>
          </select>
          <label for="org">Organisation id (providers)</label>
          <input type="text" id="org" name="org" value="org-northfield-mens-shed">
          <label for="sub">User id</label>
          <input type="text" id="sub" name="sub" value="">
          <p><button type="submit" id="sign-in">Sign in</button></p>
        </form>
        </main></body></html>
        """
        .formatted(message == null ? "" : "<p class=\"errors\" role=\"alert\">" + message + "</p>");
  }

  /** Mints a token from the posted form, or explains what is missing. */
  Result signIn(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim());
      }
    }
    String role = form.getOrDefault("role", "");
    if (!List.of("provider", "admin", "prescriber").contains(role)) {
      return new Result(null, "Choose a role.");
    }
    String org = form.getOrDefault("org", "");
    if (role.equals("provider") && !org.matches("[A-Za-z0-9._-]{3,100}")) {
      return new Result(null, "A provider needs an organisation id.");
    }
    String sub = form.getOrDefault("sub", "");
    String token =
        keys.mint(
            role,
            role.equals("provider") ? org : null,
            sub.isBlank() ? "dev-" + role + (role.equals("provider") ? "-" + org : "") : sub,
            Duration.ofHours(8));
    return new Result(token, null);
  }

  /** A minted token, or a message for the person. */
  record Result(String token, String problem) {}
}
