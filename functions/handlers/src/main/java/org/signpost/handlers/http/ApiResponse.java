package org.signpost.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response on its way out; converted to the API Gateway type at the edge.
 *
 * @param cookies whole {@code Set-Cookie} values; payload v2 carries them apart from the headers
 */
public record ApiResponse(
    int status, Map<String, String> headers, String body, List<String> cookies) {
  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
    cookies = List.copyOf(cookies);
  }

  public ApiResponse(int status, Map<String, String> headers, String body) {
    this(status, headers, body, List.of());
  }

  public static ApiResponse json(int status, String json) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json"), json);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body, cookies);
  }

  public ApiResponse withCookie(String setCookie) {
    List<String> copy = new ArrayList<>(cookies);
    copy.add(setCookie);
    return new ApiResponse(status, headers, body, copy);
  }

  /** Sent on every response unless a handler set its own value. */
  static final Map<String, String> ALWAYS =
      Map.of(
          "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
          "X-Content-Type-Options", "nosniff");

  public APIGatewayV2HTTPResponse toEvent() {
    Map<String, String> all = new LinkedHashMap<>(headers);
    ALWAYS.forEach(all::putIfAbsent);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(all)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
