package org.signpost.handlers.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every error as RFC 9457 problem+json. The only place errors become HTTP. */
public final class Problems {
  public static final String BASE = "https://signpost.example/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The HTTP status for each kind of core error; the only place core errors get one. */
  public static int status(SignpostException e) {
    return switch (e) {
      case SignpostException.Invalid invalid -> 400;
      case SignpostException.Unauthenticated unauthenticated -> 401;
      case SignpostException.Forbidden forbidden -> 403;
      case SignpostException.NotFound notFound -> 404;
      case SignpostException.Conflict conflict -> 409;
      case SignpostException.PreconditionFailed stale -> 412;
      case SignpostException.PreconditionRequired required -> 428;
      case SignpostException.TooManyRequests tooMany -> 429;
      case SignpostException.Unavailable unavailable -> 503;
    };
  }

  public static ApiResponse from(SignpostException e, ApiRequest request) {
    int status = status(e);
    ObjectNode problem = base(e.type(), e.title(), status, e.getMessage(), request);
    if (!e.errors().isEmpty()) {
      ArrayNode errors = problem.putArray("errors");
      for (FieldError error : e.errors()) {
        errors
            .addObject()
            .put("field", clip(error.field(), MAX_FIELD_CHARS))
            .put("message", clip(error.message(), MAX_DETAIL_CHARS));
      }
    }
    ApiResponse response = respond(status, problem);
    if (e instanceof SignpostException.Unavailable) {
      LOG.warn(
          "unavailable on {} request {}: {}",
          request.routeKey(),
          request.requestId(),
          e.getMessage());
      return response.withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    return response;
  }

  /** How long a client should wait before retrying a request that met an outage. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** An unexpected failure: logged once here with its stack, never echoed to the client. */
  public static ApiResponse unexpected(RuntimeException e, ApiRequest request) {
    LOG.error("unhandled error on {} request {}", request.routeKey(), request.requestId(), e);
    return respond(
        500,
        base(
            "internal",
            "Internal error",
            500,
            "Something went wrong on our side. Quote request id " + request.requestId() + ".",
            request));
  }

  public static ApiResponse of(
      int status, String type, String title, String detail, ApiRequest request) {
    return respond(status, base(type, title, status, detail, request));
  }

  private static ObjectNode base(
      String type, String title, int status, String detail, ApiRequest request) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", BASE + type);
    node.put("title", title);
    node.put("status", status);
    node.put("detail", clip(detail, MAX_DETAIL_CHARS));
    node.put("instance", request.path());
    node.put("request_id", request.requestId());
    return node;
  }

  /** Problems may echo input; never at length, so a huge bad value makes a small answer. */
  static final int MAX_DETAIL_CHARS = 500;

  static final int MAX_FIELD_CHARS = 100;

  private static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "… (" + text.length() + " characters)";
  }

  private static ApiResponse respond(int status, ObjectNode problem) {
    return new ApiResponse(
        status, Map.of("Content-Type", "application/problem+json"), Json.write(problem));
  }
}
