package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Membership;
import org.signpost.core.auth.Role;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/**
 * Browser sign-in over HTTP: the authorisation code flow with PKCE through the local OpenID Connect
 * server's login form, the session cookie's flags, sign-out, and every way a callback or a cookie
 * can be wrong.
 */
@ExtendWith(TestBackend.class)
class SignInFlowIT {
  private static final String ORG = "org-sign-in-flow";
  @TempDir static Path state;
  private static LocalServer server;
  private static String base;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    base = "http://127.0.0.1:" + server.port();
    Wiring.shared()
        .organisationService
        .upsert(
            new Caller("setup", java.util.Set.of(Role.ADMIN), Optional.empty()),
            new Organisation(ORG, "Sign-in Flow Group", null, Organisation.APPROVED, true, 0));
    Wiring.shared()
        .memberships
        .put(new Membership("flow-provider", Role.PROVIDER, Optional.of(ORG)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void provider_signsInThroughTheCodeFlow_landsOnPortal_withHostOnlySecureCookies_andSignsOut()
      throws Exception {
    SignInClient browser = new SignInClient(base);
    HttpResponse<String> callback = browser.signIn("flow-provider", "/portal");

    assertThat(callback.statusCode()).isEqualTo(303);
    assertThat(callback.headers().firstValue("Location")).contains("/portal");
    String session =
        callback.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-sp_session="))
            .findFirst()
            .orElseThrow();
    assertThat(session)
        .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Domain=");
    long maxAge = Long.parseLong(session.replaceAll(".*Max-Age=(\\d+).*", "$1"));
    assertThat(maxAge).isBetween(1L, 3600L);
    assertThat(browser.cookies).containsKeys("__Host-sp_session", "__Host-sp_refresh");
    assertThat(browser.cookies).doesNotContainKey("__Host-sp_login");

    HttpResponse<String> portal = browser.get("/portal");
    assertThat(portal.statusCode()).as(portal.body()).isEqualTo(200);
    assertThat(portal.body()).contains("<title>Your listings");
    assertThat(portal.headers().firstValue("Cache-Control")).contains("no-store");

    HttpResponse<String> out = browser.post("/auth/logout", Map.of());
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.body())
        .contains("http-equiv=\"refresh\"", "/endsession?", "client_id=" + LocalOidc.CLIENT_ID);
    assertThat(browser.cookies).doesNotContainKeys("__Host-sp_session", "__Host-sp_refresh");
    HttpResponse<String> after = browser.get("/portal");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).contains("/auth/login?next=%2Fportal");
  }

  @Test
  void expiredSession_isRenewedWithTheRefreshCookie_andTheUserStaysSignedIn() throws Exception {
    SignInClient browser = SignInClient.signedIn(base, "flow-provider");
    browser.cookies.remove("__Host-sp_session");

    HttpResponse<String> portal = browser.get("/portal");
    assertThat(portal.statusCode()).isEqualTo(303);
    String refresh = portal.headers().firstValue("Location").orElseThrow();
    assertThat(refresh).startsWith("/auth/refresh?next=");
    HttpResponse<String> renewed = browser.get(refresh);
    assertThat(renewed.statusCode()).isEqualTo(303);
    assertThat(renewed.headers().firstValue("Location")).contains("/portal");
    assertThat(browser.cookies).containsKey("__Host-sp_session");
    assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
  }

  @Test
  void callbackWithWrongState_orNoLoginCookie_orReusedCode_isRefused_andSetsNoSession()
      throws Exception {
    SignInClient browser = new SignInClient(base);
    HttpResponse<String> start = browser.get("/auth/login?next=%2Fportal");
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    String callback =
        SignInClient.submitLogin(authorize, "flow-provider")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String login = browser.cookies.get("__Host-sp_login");

    HttpResponse<String> wrongState =
        browser.send(
            HttpRequest.newBuilder(URI.create(callback.replaceAll("state=[^&]+", "state=forged"))));
    assertThat(wrongState.statusCode()).isEqualTo(400);
    assertThat(browser.cookies).doesNotContainKey("__Host-sp_session");

    SignInClient stranger = new SignInClient(base);
    HttpResponse<String> noCookie = stranger.send(HttpRequest.newBuilder(URI.create(callback)));
    assertThat(noCookie.statusCode()).isEqualTo(400);
    assertThat(stranger.cookies).doesNotContainKey("__Host-sp_session");

    SignInClient replayer = new SignInClient(base);
    replayer.cookies.put("__Host-sp_login", login);
    assertThat(replayer.send(HttpRequest.newBuilder(URI.create(callback))).statusCode())
        .isEqualTo(303);
    replayer.cookies.clear();
    replayer.cookies.put("__Host-sp_login", login);
    HttpResponse<String> reused = replayer.send(HttpRequest.newBuilder(URI.create(callback)));
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(replayer.cookies).doesNotContainKey("__Host-sp_session");
  }

  @Test
  void codeIssuedForOneSignInButRedeemedWithAnotherSignInsVerifier_isRefused() throws Exception {
    SignInClient victim = new SignInClient(base);
    URI victimAuthorize =
        URI.create(victim.get("/auth/login").headers().firstValue("Location").orElseThrow());
    String victimCallback =
        SignInClient.submitLogin(victimAuthorize, "flow-provider")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String code = victimCallback.replaceAll(".*[?&]code=([^&]+).*", "$1");

    // The attacker's own sign-in: its state and cookie are valid, its PKCE verifier is not the one
    // the code was issued for.
    SignInClient attacker = new SignInClient(base);
    URI attackerAuthorize =
        URI.create(attacker.get("/auth/login").headers().firstValue("Location").orElseThrow());
    String state = attackerAuthorize.getQuery().replaceAll(".*(?:^|&)state=([^&]+).*", "$1");
    HttpResponse<String> injected =
        attacker.send(
            HttpRequest.newBuilder(
                URI.create(base + "/auth/callback?code=" + code + "&state=" + state)));

    assertThat(injected.statusCode()).isEqualTo(400);
    assertThat(attacker.cookies).doesNotContainKey("__Host-sp_session");
  }

  @Test
  void tamperedExpiredOrForeignSessionCookies_sendTheBrowserToSignIn() throws Exception {
    LocalOidc oidc = BrowserSupport.oidc();
    String valid = SignInClient.signedIn(base, "flow-provider").cookies.get("__Host-sp_session");
    String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
    String expired =
        oidc.token(
            Map.of(
                "sub",
                "flow-provider",
                "aud",
                LocalOidc.CLIENT_ID,
                "iat",
                Instant.now().minusSeconds(7200).getEpochSecond()),
            Duration.ofSeconds(-3600));
    String wrongAudience =
        oidc.token(Map.of("sub", "flow-provider", "aud", "another-app"), Duration.ofMinutes(5));
    String foreign =
        DevKeys.loadOrCreate(state).mint("provider", ORG, "flow-provider", Duration.ofMinutes(5));

    for (String cookie : List.of(tampered, expired, wrongAudience, foreign, "not-a-jwt")) {
      SignInClient browser = new SignInClient(base);
      browser.cookies.put("__Host-sp_session", cookie);
      HttpResponse<String> portal = browser.get("/portal");
      assertThat(portal.statusCode()).as(cookie).isEqualTo(303);
      assertThat(portal.headers().firstValue("Location")).contains("/auth/login?next=%2Fportal");
    }
  }

  @Test
  void signIn_neverRedirectsOffSite() throws Exception {
    for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
      SignInClient browser = new SignInClient(base);
      HttpResponse<String> landed = browser.signIn("flow-provider", next);
      assertThat(landed.headers().firstValue("Location")).contains("/portal");
    }
  }
}
