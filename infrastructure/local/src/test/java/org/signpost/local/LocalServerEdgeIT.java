package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.devstore.NodeServer;
import org.signpost.testing.TestBackend;

/** The local runtime's own HTTP handling, byte for byte over a socket. */
@ExtendWith(TestBackend.class)
class LocalServerEdgeIT {
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
  @TempDir static Path state;
  private static LocalServer server;

  @BeforeAll
  static void start(TestBackend.Store store) throws Exception {
    System.setProperty("DYNAMODB_ENDPOINT", store.endpoint().toString());
    System.setProperty("TABLE_PREFIX", store.tablePrefix());
    System.setProperty("TRUST_NEW_ORGANISATIONS", "true");
    System.setProperty("SEARCH_POLL_MS", "0");
    System.setProperty("FORM_MIN_FILL_SECONDS", "0");
    DevKeys keys = DevKeys.loadOrCreate(state);
    server =
        new LocalServer(
            0,
            SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml")).routes(),
            new JwtAuthoriser(
                keys.publicKey(), DevKeys.ISSUER, DevKeys.AUDIENCE, Clock.systemUTC()));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One response head and body, read by its Content-Length. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = CONTENT_LENGTH.matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedRequestWithALargeBody_keepsTheConnectionUsable() throws Exception {
    byte[] body = ("{\"name\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /api/listings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 401");

      // The same connection answers the next request: nothing of the first body was left unread.
      out.write("GET /api/openapi.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
    }
  }

  /**
   * Sends {@code request} as raw bytes from another thread (the server may answer and close before
   * it has read it all, which is what a refusal does) and reads the one response it gets.
   */
  private static String answerTo(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      OutputStream out = socket.getOutputStream();
                      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                      out.flush();
                    } catch (IOException refusedBeforeTheEnd) {
                      // The answer is what the test reads; the rest of the request may go unread.
                    }
                  });
      String response = readResponse(socket.getInputStream());
      writer.join(10_000);
      return response;
    }
  }

  private static void assertProblem(String response, int status, String detailContains) {
    assertThat(response).as("an answer, not a reset connection").startsWith("HTTP/1.1 " + status);
    assertThat(response).containsPattern("(?im)^content-type:\\s*application/problem\\+json");
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertThat(body)
        .startsWith("{\"type\":\"https://signpost.example/problems/")
        .contains("\"status\":" + status)
        .contains(detailContains);
  }

  @Test
  void badPercentEncoding_isA400ProblemNamingIt() throws Exception {
    String response = answerTo("GET /api/listings/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(response, 400, "the path has a bad percent-encoding at character 15: %z");
  }

  @Test
  void badPercentEncodingInTheQuery_isA400ProblemNamingIt() throws Exception {
    String response = answerTo("GET /api/search?q=50%25%2 HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(
        response, 400, "the query string has an incomplete percent-encoding at character 8: %2");
  }

  @Test
  void aRawSpaceInThePath_isA400Problem() throws Exception {
    String response = answerTo("GET /api/listings/two words HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(
        response, 400, "the request line has a raw space in its URL (encode a space as %20)");
  }

  @Test
  void aRawTrailingSpaceInThePath_isA400Problem_notAnIdWithoutTheSpace() throws Exception {
    String response = answerTo("GET /api/listings/listing-1  HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(
        response, 400, "the request line has a raw space in its URL (encode a space as %20)");
  }

  @Test
  void a400KbHeader_isA431Problem() throws Exception {
    String response =
        answerTo(
            "GET /api/search?q=walk HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(400 * 1024)
                + "\r\n\r\n");

    assertProblem(response, 431, "headers are over 64 KB");
  }

  @Test
  void a400KbUrl_isA414Problem() throws Exception {
    String response =
        answerTo(
            "GET /api/search?q=" + "a".repeat(400 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertProblem(response, 414, "the request line is over 64 KB");
    // A pooling client must not send its next request into the connection the server closes.
    assertThat(response).containsPattern("(?im)^connection:\\s*close");
  }

  @Test
  void aLongUrlWithABody_isAnswered414EveryTime_neverAResetConnection() throws Exception {
    // A client writes the whole request before it reads. Refusing part-way through the head and
    // closing used to reset the connection now and then, losing the answer (2 in 300 here).
    HttpClient http = HttpClient.newHttpClient();
    URI uri =
        URI.create("http://127.0.0.1:" + server.port() + "/api/shortlist?u=" + "y".repeat(100_001));
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("\"text\""))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(414);
      assertThat(response.body()).contains("the request line is over 64 KB");
    }
  }

  @Test
  void aBodyOver10Mb_isA413Problem_answeredAfterTheClientHasSentIt() throws Exception {
    byte[] body = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/listings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("the body is over 10 MB");
  }

  @Test
  void aWellFormedRequestAfterTheChecks_isStillRouted() throws Exception {
    String response =
        answerTo("GET /api/listings/no-such-listing HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 404");
    assertThat(response).containsPattern("(?im)^content-type:\\s*application/problem\\+json");
  }
}
