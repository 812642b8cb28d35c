package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The provider portal over HTTP through the local runtime: forms post with CSRF tokens, invalid
 * answers come back with errors and the answers kept, and moderation works from the queue page.
 */
@ExtendWith(TestBackend.class)
class PortalIT {
  private static final String ORG = "org-portal-untrusted";
  private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
  @TempDir static Path state;
  private static LocalServer server;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    server = BrowserSupport.server(store, state);
    Wiring.shared()
        .organisationService
        .upsert(
            new Caller("setup", Set.of(Role.ADMIN), Optional.empty()),
            new Organisation(ORG, "Portal Test Group", null, Organisation.APPROVED, false, 0));
    Wiring.shared().memberships.put(new Membership("portal-user", Role.PROVIDER, Optional.of(ORG)));
    Wiring.shared().memberships.put(new Membership("portal-admin", Role.ADMIN, Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void provider_createsListingWithWeeklySession_itWaitsForReview_andAdminApprovesIt()
      throws Exception {
    SignInClient provider = signIn("portal-user");
    String formPage = provider.get("/portal/listings/new").body();
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("form_token", token(formPage));
    answers.put("name", "Tuesday Tea Dance");
    answers.put("summary", "Gentle dancing and tea.");
    answers.put("categories", "social_groups");
    answers.put("delivery", "in_person");
    answers.put("location_address", "4 Church Road, Birmingham");
    answers.put("location_postcode", "B13 9AB");
    answers.put("location_lat", "52.4380");
    answers.put("location_lon", "-1.8870");
    answers.put("session_day_0", "tue");
    answers.put("session_start_0", "14:00");
    answers.put("session_end_0", "15:30");
    answers.put("session_frequency_0", "weekly");
    answers.put("action", "publish");

    HttpResponse<String> saved = provider.post("/portal/listings", answers);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    String home = provider.get("/portal").body();
    assertThat(home).contains("Tuesday Tea Dance").contains("waiting for review");

    SignInClient admin = signIn("portal-admin");
    String queue = admin.get("/portal/moderation").body();
    assertThat(queue).contains("Tuesday Tea Dance").contains("schedule.weekly[0].day");
    Matcher approve =
        Pattern.compile(
                "action=\"/portal/moderation/([^/]+)/approve\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"")
            .matcher(queue);
    String id = null;
    String version = null;
    while (approve.find()) {
      if (queue
          .substring(Math.max(0, approve.start() - 2000), approve.start())
          .contains("Tuesday Tea Dance")) {
        id = approve.group(1);
        version = approve.group(2);
      }
    }
    assertThat(id).isNotNull();
    HttpResponse<String> approved =
        admin.post(
            "/portal/moderation/" + id + "/approve",
            Map.of("form_token", token(queue), "version", version));
    assertThat(approved.statusCode()).isEqualTo(303);

    HttpResponse<String> found = admin.get("/api/search?q=tea%20dance");
    assertThat(found.body()).contains(id);
  }

  @Test
  void invalidAnswers_comeBackWithErrors_andTheAnswersKept_andNothingIsSaved() throws Exception {
    SignInClient provider = signIn("portal-user");
    String formPage = provider.get("/portal/listings/new").body();
    HttpResponse<String> response =
        provider.post(
            "/portal/listings",
            Map.of(
                "form_token", token(formPage),
                "name", "<script>alert(1)</script> Yoga",
                "location_address", "1 Road",
                "location_lat", "north",
                "session_day_0", "tue",
                "session_start_0", "15:00",
                "session_end_0", "14:00"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("locations[0].lat")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Yoga")
        .doesNotContain("<script>alert(1)</script>");
    assertThat(provider.get("/portal").body()).doesNotContain("Yoga");
  }

  @Test
  void formPostWithoutAValidToken_isRefused() throws Exception {
    SignInClient provider = signIn("portal-user");
    provider.get("/portal");
    HttpResponse<String> forged =
        provider.post(
            "/portal/listings", Map.of("form_token", "1.forged", "name", "Forged Listing"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/portal"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).contains("/auth/login?next=%2Fportal");
  }

  private static String token(String html) {
    Matcher matcher = TOKEN.matcher(html);
    assertThat(matcher.find()).as("page has a form token").isTrue();
    return matcher.group(1);
  }

  /** A client signed in through the real code flow against the local OpenID Connect server. */
  private static SignInClient signIn(String username) throws Exception {
    return SignInClient.signedIn("http://127.0.0.1:" + server.port(), username);
  }
}
