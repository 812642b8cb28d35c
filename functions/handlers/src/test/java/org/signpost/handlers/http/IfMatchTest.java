package org.signpost.handlers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signpost.core.errors.SignpostException;

/** The one If-Match reader: every handler and portal form goes through it. */
class IfMatchTest {

  private static ApiRequest withHeaders(Map<String, String> headers) {
    return new ApiRequest(
        "PUT /things/{id}",
        "PUT",
        "/things/x",
        Map.of(),
        Map.of(),
        headers,
        "",
        Optional.empty(),
        "req-1",
        "192.0.2.1");
  }

  @Test
  void required_readsStrongWeakBareAndPaddedVersions() {
    for (String header : List.of("\"12\"", "W/\"12\"", "12", "  \"12\"\t", "W/12")) {
      assertThat(IfMatch.required(withHeaders(Map.of("if-match", header))))
          .as(header)
          .isEqualTo(12L);
    }
  }

  @Test
  void required_missingOrBlankHeader_isPreconditionRequired() {
    for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("if-match", " "))) {
      assertThatThrownBy(() -> IfMatch.required(withHeaders(headers)))
          .as(headers.toString())
          .isInstanceOf(SignpostException.PreconditionRequired.class)
          .hasMessageContaining("If-Match");
    }
    assertThatThrownBy(() -> IfMatch.required((String) null))
        .isInstanceOf(SignpostException.PreconditionRequired.class);
  }

  @Test
  void required_malformedValues_areStale_412_namingIfMatch() {
    for (String header :
        List.of("abc", "\"\"", "W/", "\"1\"\"", "1.5", "*", "\"1\", \"2\"", "0x10", "W/\"x\"")) {
      assertThatThrownBy(() -> IfMatch.required(withHeaders(Map.of("if-match", header))))
          .as(header)
          .isInstanceOf(SignpostException.PreconditionFailed.class)
          .hasMessageContaining("If-Match");
    }
  }

  @Test
  void required_versionsNoResourceCanBeAt_areStale_notAnOverflowLater() {
    for (String header :
        List.of(
            "\"9223372036854775807\"",
            "9223372036854775808",
            "\"99999999999999999999999\"",
            "\"0\"",
            "-1",
            "W/\"-9223372036854775808\"")) {
      assertThatThrownBy(() -> IfMatch.required(withHeaders(Map.of("if-match", header))))
          .as(header)
          .isInstanceOf(SignpostException.PreconditionFailed.class);
    }
    assertThat(IfMatch.required("\"9223372036854775806\"")).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void optional_isEmptyWithoutAHeader_andStillRefusesAMalformedOne() {
    assertThat(IfMatch.optional(withHeaders(Map.of()))).isEmpty();
    assertThat(IfMatch.optional(withHeaders(Map.of("if-match", "")))).isEmpty();
    assertThat(IfMatch.optional(withHeaders(Map.of("if-match", "W/\"3\"")))).hasValue(3L);
    assertThatThrownBy(() -> IfMatch.optional(withHeaders(Map.of("if-match", "three"))))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
  }

  @Test
  void version_readsAPortalFormValueTheSameWay() {
    assertThat(IfMatch.version(null)).isEmpty();
    assertThat(IfMatch.version("")).isEmpty();
    assertThat(IfMatch.version("4")).hasValue(4L);
    assertThatThrownBy(() -> IfMatch.version("4 or 5"))
        .isInstanceOf(SignpostException.PreconditionFailed.class);
  }
}
