package org.signpost.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response on its way out; converted to the API Gateway type at the edge. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static ApiResponse json(int status, String json) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json"), json);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }

  public APIGatewayV2HTTPResponse toEvent() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
