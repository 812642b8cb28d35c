package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser for sign-in: it keeps this site's cookies (Secure
 * {@code __Host-} ones too, as browsers do for localhost), follows nothing by itself, and can walk
 * the authorisation code flow through the local OpenID Connect server's login form.
 */
final class SignInClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();

  SignInClient(String base) {
    this.base = base;
  }

  /** A client signed in as {@code username} through the whole code flow. */
  static SignInClient signedIn(String base, String username) throws Exception {
    SignInClient client = new SignInClient(base);
    HttpResponse<String> landed = client.signIn(username, "/portal");
    assertThat(landed.statusCode()).as(landed.body()).isEqualTo(303);
    assertThat(landed.headers().firstValue("Location")).contains("/portal");
    return client;
  }

  /**
   * Starts sign-in here, submits the provider's login form as {@code username} and returns this
   * site's answer to the callback.
   */
  HttpResponse<String> signIn(String username, String next) throws Exception {
    HttpResponse<String> start = get("/auth/login?next=" + enc(next));
    assertThat(start.statusCode()).isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> code = submitLogin(authorize, username);
    return send(
        HttpRequest.newBuilder(URI.create(code.headers().firstValue("Location").orElseThrow())));
  }

  /** Posts the provider's login form; its answer redirects to the callback with a code. */
  static HttpResponse<String> submitLogin(URI authorize, String username) throws Exception {
    HttpResponse<String> form =
        HTTP.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.body()).contains("name=\"username\"");
    HttpResponse<String> code =
        HTTP.send(
            HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&claims="))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(code.statusCode()).as(code.body()).isEqualTo(302);
    return code;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)));
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends with this site's cookies and keeps the ones it sets (Max-Age=0 removes). */
  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (set.contains("Max-Age=0") || value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
