package org.signpost.handlers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signpost.core.errors.SignpostException;

/** The problem mapper is the one place a core error gets its HTTP status. */
class ProblemsTest {

  private static final ApiRequest REQUEST =
      new ApiRequest(
          "PUT /things/{id}",
          "PUT",
          "/things/x",
          Map.of(),
          Map.of(),
          Map.of(),
          "",
          Optional.empty(),
          "req-7",
          "192.0.2.1");

  @Test
  void from_givesEveryKindOfCoreErrorItsStatus_inTheStatusLineAndTheBody() throws Exception {
    Map<SignpostException, Integer> expected = new LinkedHashMap<>();
    expected.put(SignpostException.Invalid.of("name", "too long"), 400);
    expected.put(new SignpostException.Unauthenticated("sign in"), 401);
    expected.put(new SignpostException.Forbidden("not yours"), 403);
    expected.put(new SignpostException.NotFound("no such thing"), 404);
    expected.put(new SignpostException.Conflict("already exists"), 409);
    expected.put(new SignpostException.PreconditionFailed("stale"), 412);
    expected.put(new SignpostException.PreconditionRequired("send If-Match"), 428);
    expected.put(new SignpostException.TooManyRequests("slow down"), 429);
    expected.put(new SignpostException.Unavailable("store down"), 503);

    for (var entry : expected.entrySet()) {
      SignpostException error = entry.getKey();
      ApiResponse response = Problems.from(error, REQUEST);
      JsonNode body = Json.MAPPER.readTree(response.body());

      assertThat(Problems.status(error)).as(error.type()).isEqualTo(entry.getValue());
      assertThat(response.status()).as(error.type()).isEqualTo(entry.getValue());
      assertThat(body.get("status").asInt()).as(error.type()).isEqualTo(entry.getValue());
      assertThat(body.get("type").asText()).isEqualTo(Problems.BASE + error.type());
      assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
    }
  }

  @Test
  void from_unavailable_tellsTheClientWhenToRetry() {
    ApiResponse response = Problems.from(new SignpostException.Unavailable("store down"), REQUEST);

    assertThat(response.headers())
        .containsEntry("Retry-After", String.valueOf(Problems.RETRY_AFTER_SECONDS));
  }
}
