package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.devstore.NodeServer;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.TestBackend;

/**
 * The local runtime over HTTP, against dynalite: routes come from template.yaml, tokens are checked
 * like the JWT authoriser, and the handlers named in the template answer.
 */
@ExtendWith(TestBackend.class)
class LocalRuntimeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path state;
  private static LocalServer server;
  private static DevKeys keys;
  private static SamTemplate template;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    keys = DevKeys.loadOrCreate(state);
    template = SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));
    server = BrowserSupport.server(store, state);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyTemplateRoute_isServedByItsHandler_andEveryHandlerRouteIsInTheTemplate()
      throws Exception {
    Set<String> templateKeys = new HashSet<>();
    Set<String> handlerKeys = new HashSet<>();
    Set<String> classes = new HashSet<>();
    for (SamTemplate.Route route : template.routes()) {
      templateKeys.add(route.routeKey());
      classes.add(route.handlerClass());
      HttpFunction handler =
          (HttpFunction) Class.forName(route.handlerClass()).getConstructor().newInstance();
      assertThat(handler.routeKeys()).as(route.handlerClass()).contains(route.routeKey());
    }
    for (String name : classes) {
      handlerKeys.addAll(
          ((HttpFunction) Class.forName(name).getConstructor().newInstance()).routeKeys());
    }
    assertThat(handlerKeys).isEqualTo(templateKeys);
  }

  @Test
  void providerToken_publishes_andSearchFindsItWithinTwoSeconds() throws Exception {
    String token =
        keys.issue(
            Wiring.shared().memberships, "provider", "org-local-it", "u1", Duration.ofMinutes(5));
    HttpResponse<String> created =
        send(
            "POST",
            "/api/listings",
            token,
            """
            {"name": "Moseley Memory Cafe", "description": "A warm cafe for people living with dementia.",
             "categories": ["older_people"],
             "locations": [{"address": "3 Alcester Road, Birmingham", "lat": 52.4460, "lon": -1.8870}]}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    String id = Json.MAPPER.readTree(created.body()).get("id").asText();

    JsonNode hit = null;
    Instant deadline = Instant.now().plusSeconds(2);
    while (hit == null && Instant.now().isBefore(deadline)) {
      JsonNode results =
          Json.MAPPER
              .readTree(
                  send(
                          "GET",
                          "/api/search?q=memory&lat=52.4460&lon=-1.8800&radius_km=5",
                          null,
                          null)
                      .body())
              .get("results");
      for (JsonNode result : results) {
        if (result.get("id").asText().equals(id)) {
          hit = result;
        }
      }
    }
    assertThat(hit).as("listing found by search within 2 s").isNotNull();
    assertThat(hit.get("distance_km").asDouble()).isBetween(0.45, 0.50);
  }

  @Test
  void everyResponse_hasHstsAndNosniff_andPersonalOnesAreNeverCached() throws Exception {
    String token =
        keys.issue(
            Wiring.shared().memberships,
            "provider",
            "org-local-it",
            "u-headers",
            Duration.ofMinutes(5));
    HttpResponse<String> search = send("GET", "/api/search?q=tea", null, null);
    HttpResponse<String> mine = send("GET", "/api/my/listings", token, null);
    HttpResponse<String> page = send("GET", "/", null, null);

    for (HttpResponse<String> response : List.of(search, mine, page)) {
      assertThat(response.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(search.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
  }

  @Test
  void missingForgedExpiredOrWrongAudienceTokens_get401ProblemJson() throws Exception {
    DevKeys other = DevKeys.loadOrCreate(state.resolve("other"));
    Date past = Date.from(Instant.now().minusSeconds(3600));
    List<String> bad =
        List.of(
            "",
            "not-a-jwt",
            other.mint("provider", "org-x", "u", Duration.ofMinutes(5)),
            keys.sign(
                new JWTClaimsSet.Builder()
                    .issuer(DevKeys.ISSUER)
                    .audience(DevKeys.AUDIENCE)
                    .subject("u")
                    .expirationTime(past)
                    .build()),
            keys.sign(
                new JWTClaimsSet.Builder()
                    .issuer(DevKeys.ISSUER)
                    .audience("someone-else")
                    .subject("u")
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build()),
            keys.sign(
                new JWTClaimsSet.Builder()
                    .issuer("https://evil.example")
                    .audience(DevKeys.AUDIENCE)
                    .subject("u")
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build()));
    for (String token : bad) {
      HttpResponse<String> response = send("POST", "/api/listings", token, "{}");
      assertThat(response.statusCode()).as(token).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/problem+json");
    }
  }

  @Test
  void wrongMethod_is405_andUnknownRoute_is404() throws Exception {
    HttpResponse<String> wrongMethod = send("PATCH", "/api/listings/abc", null, null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();

    HttpResponse<String> unknown = send("GET", "/api/nowhere", null, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.MAPPER.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
  }

  private static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
