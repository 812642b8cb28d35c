package org.signpost.local;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests Jetty refuses before any route runs (a request line or headers it cannot
 * parse, a head too large, a URI too long) with problem+json instead of Jetty's HTML page, with the
 * status API Gateway gives: 400, 431 or 414. Stateless and thread-safe.
 */
final class ProblemErrorHandler implements Request.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);
  private static final int MAX_REASON_CHARS = 200;

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason =
        request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String message ? message : null;
    Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
    if (cause instanceof HttpException http) {
      status = http.getCode();
      reason = http.getReason();
    }
    if (status < 400) {
      status = 500;
    }
    String detail;
    String type;
    String title;
    switch (status) {
      case 414, 431 -> {
        headTooLarge(response, status, callback);
        return true;
      }
      case 413 -> {
        type = "too-large";
        title = "Request too large";
        detail = "the body is over 10 MB";
      }
      case 400 -> {
        type = "bad-request";
        title = "Bad request";
        detail =
            cause instanceof RequestLineParser.Refusal
                ? reason
                : "the request could not be parsed: " + describe(reason);
      }
      default -> {
        if (status >= 500 && cause instanceof Throwable failure) {
          LOG.error("local runtime failed on a request", failure);
        }
        type = status >= 500 ? "internal" : "http-" + status;
        title = HttpStatus.getMessage(status);
        detail = status >= 500 ? "the local runtime failed" : describe(reason);
      }
    }
    send(response, status, type, title, detail, callback);
    return true;
  }

  /**
   * A 414 (the request line alone is over {@link LocalServer#MAX_HEAD_BYTES}) or a 431 (the line
   * and headers together are), whether Jetty's parser or the routes found it.
   */
  static void headTooLarge(Response response, int status, Callback callback) {
    String limit = LocalServer.MAX_HEAD_BYTES / 1024 + " KB";
    if (status == 414) {
      send(
          response,
          414,
          "uri-too-long",
          "URI too long",
          "the request line is over " + limit,
          callback);
    } else {
      send(
          response,
          431,
          "headers-too-large",
          "Request header fields too large",
          "the request line and headers are over " + limit,
          callback);
    }
  }

  private static void send(
      Response response, int status, String type, String title, String detail, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty closes the connection after a request it could not parse, and the routes close it after
    // an oversized head; say so, or a client that pools connections sends its next request into the
    // closed one and gets no answer.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    Exchange.send(response, status, Exchange.problemJson(status, type, title, detail), callback);
  }

  /** Jetty's reason, which is its own fixed text, cut short and lower-cased at the start. */
  private static String describe(String reason) {
    if (reason == null || reason.isBlank() || reason.equalsIgnoreCase("Bad Request")) {
      return "the URL or a header is malformed";
    }
    String cut =
        reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
    return Character.toLowerCase(cut.charAt(0)) + cut.substring(1);
  }
}
