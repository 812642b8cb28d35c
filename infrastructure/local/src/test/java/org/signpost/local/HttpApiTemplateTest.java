package org.signpost.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.devstore.NodeServer;

/** The HTTP API is throttled and logs each request without its path or query string. */
class HttpApiTemplateTest {
  private static final SamTemplate TEMPLATE =
      SamTemplate.load(NodeServer.repositoryRoot().resolve("template.yaml"));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> api() {
    return (Map<String, Object>) TEMPLATE.resources().get("HttpApi").get("Properties");
  }

  @Test
  void defaultRoutes_areThrottled() {
    @SuppressWarnings("unchecked")
    Map<String, Object> routes = (Map<String, Object>) api().get("DefaultRouteSettings");

    assertThat(routes).containsKeys("ThrottlingBurstLimit", "ThrottlingRateLimit");
    assertThat((Integer) routes.get("ThrottlingRateLimit")).isPositive();
  }

  @Test
  void accessLogs_nameTheRouteKey_neverThePathQueryOrCallerAddress() {
    @SuppressWarnings("unchecked")
    Map<String, Object> logs = (Map<String, Object>) api().get("AccessLogSettings");
    String format = String.valueOf(logs.get("Format"));

    assertThat(format).contains("$context.routeKey", "$context.status");
    assertThat(format)
        .doesNotContain("$context.path", "$context.rawPath", "queryString", "$context.identity");
  }
}
