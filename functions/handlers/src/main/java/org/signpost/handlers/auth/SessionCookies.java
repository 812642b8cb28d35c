package org.signpost.handlers.auth;

import java.time.Duration;

/**
 * The browser sign-in cookies. Each has the {@code __Host-} prefix (so it is Secure, host-only and
 * for the whole site), is HttpOnly and SameSite=Lax. Stateless.
 */
public final class SessionCookies {
  /** The ID token that proves who the browser's user is; short-lived. */
  public static final String SESSION = "__Host-sp_session";

  /** The provider's refresh token, exchanged for a new session when that expires. */
  public static final String REFRESH = "__Host-sp_refresh";

  /** The signed state, nonce and PKCE verifier of a sign-in in progress. */
  public static final String LOGIN = "__Host-sp_login";

  /** The longest a session cookie lives, whatever the token says. */
  public static final Duration SESSION_MAX = Duration.ofMinutes(60);

  /** How long a refresh cookie lives; the app client's refresh token validity matches. */
  public static final Duration REFRESH_MAX = Duration.ofHours(8);

  private SessionCookies() {}

  /** A {@code Set-Cookie} value. */
  public static String set(String name, String value, Duration maxAge) {
    return name
        + "="
        + value
        + "; Path=/; Max-Age="
        + Math.max(0, maxAge.toSeconds())
        + "; Secure; HttpOnly; SameSite=Lax";
  }

  /** A {@code Set-Cookie} value that removes the cookie. */
  public static String clear(String name) {
    return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }
}
