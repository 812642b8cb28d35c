package org.signpost.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.signpost.core.auth.MembershipRepository;

/**
 * Local-only sign-in for the browser: {@code GET /dev/sign-in} shows a form, {@code POST
 * /dev/sign-in} registers the membership and mints the same token as {@code ./signpost token} and
 * stores it in the HttpOnly cookie {@code sp_session}; {@code POST /dev/sign-out} clears it. The
 * local runtime turns that cookie into an {@code Authorization: Bearer} header for routes behind
 * the JWT authoriser. None of this exists in AWS. Thread-safe.
 */
final class DevSignIn {
  static final String COOKIE = "sp_session";
  private static final Set<String> ROLES = Set.of("admin", "prescriber", "provider");

  private final DevKeys keys;
  private final MembershipRepository members;

  DevSignIn(DevKeys keys, MembershipRepository members) {
    this.keys = keys;
    this.members = members;
  }

  /** Handles the exchange if it is a dev sign-in path; false otherwise. */
  boolean handle(HttpExchange exchange, String method, String path) throws IOException {
    if (path.equals("/dev/sign-in") && method.equals("GET")) {
      send(exchange, 200, FORM);
      return true;
    }
    if (path.equals("/dev/sign-in") && method.equals("POST")) {
      Map<String, String> form = form(exchange);
      String role = form.getOrDefault("role", "");
      String org = form.getOrDefault("org", "").strip();
      if (!ROLES.contains(role) || (role.equals("provider") && !org.matches("[a-z0-9-]{3,80}"))) {
        send(
            exchange,
            400,
            "<!DOCTYPE html><title>Sign in</title><p>Choose a role; a provider needs an organisation id.</p>");
        return true;
      }
      String sub = form.getOrDefault("sub", "").strip();
      String subject =
          sub.matches("[A-Za-z0-9_-]{1,80}")
              ? sub
              : "dev-" + role + (org.isEmpty() ? "" : "-" + org);
      String token =
          keys.issue(members, role, org.isEmpty() ? null : org, subject, Duration.ofHours(8));
      String next = form.getOrDefault("next", "/portal/referrals");
      exchange
          .getResponseHeaders()
          .add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax");
      // Only same-site paths, so the form cannot be used as an open redirect.
      exchange
          .getResponseHeaders()
          .set("Location", next.startsWith("/") && !next.startsWith("//") ? next : "/");
      exchange.sendResponseHeaders(303, -1);
      return true;
    }
    if (path.equals("/dev/sign-out") && method.equals("POST")) {
      exchange
          .getResponseHeaders()
          .add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
      exchange.getResponseHeaders().set("Location", "/");
      exchange.sendResponseHeaders(303, -1);
      return true;
    }
    return false;
  }

  /** The bearer header a request's session cookie stands for, or null. */
  static String bearerFromCookie(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).trim().equals(COOKIE) && eq + 1 < part.length()) {
          return "Bearer " + part.substring(eq + 1).trim();
        }
      }
    }
    return null;
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Static markup: nothing from the request is echoed, so no escaping is needed. */
  private static final String FORM =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Developer sign-in</title></head>
      <body><main>
      <h1>Developer sign-in (local runtime only)</h1>
      <form method="post" action="/dev/sign-in">
        <label for="role">Role</label>
        <select id="role" name="role">
          <option value="provider">provider</option>
          <option value="prescriber">prescriber</option>
          <option value="admin">admin</option>
        </select>
        <label for="org">Organisation id (providers)</label>
        <input id="org" name="org" value="org-sparkhill-community-hub">
        <label for="sub">User id (optional)</label>
        <input id="sub" name="sub">
        <input type="hidden" name="next" value="/portal/referrals">
        <button type="submit" id="sign-in">Sign in</button>
      </form>
      </main></body></html>
      """;
}
