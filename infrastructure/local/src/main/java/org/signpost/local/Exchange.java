package org.signpost.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response on the local runtime's server, with the raw (still encoded) target
 * the event carries. Used by one request thread at a time.
 */
final class Exchange {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Exchange.class);
  final Request request;
  final Response response;
  private final Callback callback;

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  /** The path as sent, percent-encoding and all, as API Gateway's {@code rawPath}. */
  String rawPath() {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** The query as sent, or null. */
  String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  /**
   * Answers a 414 when the request line is over {@link LocalServer#MAX_HEAD_BYTES}, or a 431 when
   * the request line and headers together are, and returns whether it did.
   */
  boolean headTooLarge() {
    // "METHOD target HTTP/1.1" and its line end, then "name: value" and a line end per header.
    long line = request.getMethod().length() + request.getHttpURI().getPathQuery().length() + 12;
    if (line > LocalServer.MAX_HEAD_BYTES) {
      ProblemErrorHandler.headTooLarge(response, 414, callback);
      return true;
    }
    long head = line + 2;
    for (HttpField field : request.getHeaders()) {
      head += field.getName().length() + 2 + field.getValue().length() + 2;
    }
    if (head > LocalServer.MAX_HEAD_BYTES) {
      ProblemErrorHandler.headTooLarge(response, 431, callback);
      return true;
    }
    return false;
  }

  void problem(int status, String type, String title, String detail, Map<String, String> headers) {
    headers.forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    send(status, problemJson(status, type, title, detail));
  }

  void send(int status, byte[] body) {
    send(response, status, body, callback);
  }

  static void send(Response response, int status, byte[] body, Callback callback) {
    response.setStatus(status);
    if (HttpStatus.hasNoBody(status)) {
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(
        true,
        ByteBuffer.wrap(body),
        Callback.from(
            callback::succeeded,
            failure -> {
              LOG.warn("response {} could not be sent: {}", status, failure.toString());
              callback.failed(failure);
            }));
  }

  /** The runtime's own problem documents, shaped as the handlers' problem mapper shapes theirs. */
  static byte[] problemJson(int status, String type, String title, String detail) {
    String json =
        "{\"type\":\"https://signpost.example/problems/"
            + type
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":"
            + org.signpost.handlers.http.Json.write(detail)
            + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
