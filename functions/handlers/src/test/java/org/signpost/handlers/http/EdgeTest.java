package org.signpost.handlers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.signpost.core.errors.SignpostException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The HTTP edge: body limits, path ids, If-Match and store failures, without a store. */
class EdgeTest {

  /** A listed-fields DTO, as the handlers read them. */
  record Needs(List<String> needs) {}

  private static ApiRequest request(
      Map<String, String> pathParameters, Map<String, String> headers) {
    return new ApiRequest(
        "GET /things/{id}",
        "GET",
        "/things/x",
        pathParameters,
        Map.of(),
        headers,
        "",
        Optional.empty(),
        "req-1",
        "192.0.2.1");
  }

  private static HttpFunction function(Function<ApiRequest, ApiResponse> route) {
    return new HttpFunction(Map.of("GET /things/{id}", route)) {};
  }

  private static SignpostException.Invalid invalid(Runnable action) {
    try {
      action.run();
    } catch (SignpostException.Invalid e) {
      return e;
    }
    throw new AssertionError("expected a 400");
  }

  @Test
  void read_aStringOverTheLimit_isA400NamingTheLimit_notAnNpe() {
    String body = "{\"needs\":[\"" + "a".repeat(Json.MAX_STRING_CHARS + 1) + "\"]}";

    SignpostException.Invalid e = invalid(() -> Json.read(body, Needs.class));

    assertThat(e.errors().get(0).field()).isEqualTo("needs[0]");
    assertThat(e.getMessage()).contains("100000 characters");
  }

  @Test
  void read_acceptsAStringAtTheAdvertisedLimit() {
    String body = "{\"needs\":[\"" + "a".repeat(Json.MAX_STRING_CHARS) + "\"]}";

    assertThat(Json.read(body, Needs.class).needs().get(0)).hasSize(Json.MAX_STRING_CHARS);
  }

  @Test
  void read_deepNesting_andHugeNumbers_are400s() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 5) + "]".repeat(Json.MAX_NESTING_DEPTH + 5);
    String number = "{\"n\":" + "9".repeat(Json.MAX_NUMBER_DIGITS + 1) + "}";

    assertThat(invalid(() -> Json.read("{\"a\":" + deep + "}", JsonNode.class)).getMessage())
        .contains("nesting up to 32");
    assertThat(invalid(() -> Json.read(number, JsonNode.class)).errors().get(0).field())
        .isEqualTo("n");
  }

  @Test
  void read_aNullInAList_isA400NamingTheElement() {
    SignpostException.Invalid e = invalid(() -> Json.read("{\"needs\":[null]}", Needs.class));

    assertThat(e.errors().get(0).field()).isEqualTo("needs[0]");
  }

  @Test
  void read_brokenJson_isA400() {
    assertThat(invalid(() -> Json.read("{\"needs\":[", Needs.class)).errors()).isNotEmpty();
    assertThat(invalid(() -> Json.read("{needs", Needs.class)).getMessage())
        .startsWith("is not valid JSON");
  }

  @Test
  void ifMatch_maximumLong_isStale_notAStoreError() {
    assertThatThrownBy(
            () ->
                IfMatch.required(request(Map.of(), Map.of("if-match", "\"9223372036854775807\""))))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
    assertThatThrownBy(() -> IfMatch.required(request(Map.of(), Map.of("if-match", "\"0\""))))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
    assertThatThrownBy(() -> IfMatch.required(request(Map.of(), Map.of("if-match", "abc"))))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
    assertThatThrownBy(() -> IfMatch.required(request(Map.of(), Map.of())))
        .isInstanceOf(SignpostException.PreconditionRequired.class);
  }

  @Test
  void ifMatch_readsQuotedWeakAndBareVersions() {
    for (String header : List.of("\"7\"", "W/\"7\"", "7", " \"7\" ")) {
      assertThat(IfMatch.required(request(Map.of(), Map.of("if-match", header))))
          .as(header)
          .isEqualTo(7L);
    }
    assertThat(IfMatch.optional(request(Map.of(), Map.of()))).isEmpty();
  }

  @Test
  void handle_implausiblePathIds_are404sBeforeTheRouteRuns() {
    AtomicInteger calls = new AtomicInteger();
    HttpFunction function =
        function(
            r -> {
              calls.incrementAndGet();
              return ApiResponse.json(200, "{}");
            });

    for (String id :
        List.of("x".repeat(HttpFunction.MAX_ID_CHARS + 1), "lst-1 ", " lst-1", "lst\n1", "")) {
      ApiResponse response = function.handle(request(Map.of("id", id), Map.of()));

      assertThat(response.status()).as(id).isEqualTo(404);
      assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
    }
    assertThat(calls).hasValue(0);
    assertThat(function.handle(request(Map.of("id", "lst-0123abcd"), Map.of())).status())
        .isEqualTo(200);
    assertThat(calls).hasValue(1);
  }

  @Test
  void handle_storeUnreachable_is503WithRetryAfter() throws Exception {
    HttpFunction function =
        function(
            r -> {
              throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            });

    ApiResponse response = function.handle(request(Map.of("id", "a"), Map.of()));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/problem+json")
        .containsEntry("Retry-After", String.valueOf(Problems.RETRY_AFTER_SECONDS));
    JsonNode problem = Json.MAPPER.readTree(response.body());
    assertThat(problem.get("type").asText()).endsWith("/unavailable");
    assertThat(problem.get("detail").asText()).doesNotContain("Connection refused");
  }

  @Test
  void storeFailures_throttlingIsUnavailable_butAValidationErrorIsABug() {
    var throttled =
        ProvisionedThroughputExceededException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ProvisionedThroughputExceededException")
                    .build())
            .build();
    var invalidKey =
        DynamoDbException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build())
            .build();
    var serverError = DynamoDbException.builder().statusCode(500).build();

    assertThat(StoreFailures.asUnavailable(throttled)).isPresent();
    assertThat(StoreFailures.asUnavailable(serverError)).isPresent();
    assertThat(StoreFailures.asUnavailable(new IllegalStateException("wrapped", throttled)))
        .isPresent();
    assertThat(StoreFailures.asUnavailable(invalidKey)).isEmpty();
    assertThat(StoreFailures.asUnavailable(new NullPointerException())).isEmpty();
  }

  @Test
  void problems_clipEchoedInput_soAHugeBadValueMakesASmallAnswer() throws Exception {
    String huge = "y".repeat(100_001);
    HttpFunction function =
        function(
            r -> {
              throw SignpostException.Invalid.of(huge, "unknown parameter " + huge);
            });

    ApiResponse response = function.handle(request(Map.of("id", "a"), Map.of()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().length()).isLessThan(2_000);
    JsonNode problem = Json.MAPPER.readTree(response.body());
    assertThat(problem.at("/errors/0/field").asText()).startsWith("yyy").contains("100001");
  }

  @Test
  void handle_anUnexpectedFailure_isStillA500_soBugsStayVisible() {
    HttpFunction function =
        function(
            r -> {
              throw new IllegalStateException("bug");
            });

    assertThat(function.handle(request(Map.of("id", "a"), Map.of())).status()).isEqualTo(500);
  }
}
