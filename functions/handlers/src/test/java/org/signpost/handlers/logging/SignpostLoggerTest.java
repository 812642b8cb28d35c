package org.signpost.handlers.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.signpost.handlers.http.Json;
import org.slf4j.event.Level;

class SignpostLoggerTest {

  @Test
  void jsonLines_areValidJson_withTheFormattedMessage_andTheStack() throws Exception {
    String line =
        capture(
            () ->
                new SignpostLogger("org.signpost.Test", Level.INFO, true)
                    .error(
                        "failed for {} \"quoted\"\nnext",
                        "req-1",
                        new IllegalStateException("boom")));

    JsonNode json = Json.MAPPER.readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("ERROR");
    assertThat(json.get("logger").asText()).isEqualTo("org.signpost.Test");
    assertThat(json.get("message").asText()).isEqualTo("failed for req-1 \"quoted\"\nnext");
    assertThat(json.get("error").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.get("stack").asText()).contains("boom");
  }

  @Test
  void eventsBelowTheThreshold_areDropped_andTextFormatIsOneReadableLine() {
    SignpostLogger logger = new SignpostLogger("x.Y", Level.WARN, false);

    assertThat(capture(() -> logger.info("quiet"))).isEmpty();
    assertThat(capture(() -> logger.warn("loud {}", 1))).contains("WARN x.Y - loud 1");
    assertThat(SignpostLoggerProvider.level("debug", Level.INFO)).isEqualTo(Level.DEBUG);
    assertThat(SignpostLoggerProvider.level("nonsense", Level.INFO)).isEqualTo(Level.INFO);
  }

  private static String capture(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8).trim();
  }
}
