package org.signpost.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.signpost.handlers.PagesFunction;

/**
 * One cold start, run in a new JVM by {@link ColdStart}: constructs the function that holds the
 * search index exactly as Lambda does at init (its index opened from a snapshot when
 * SNAPSHOT_BUCKET is set, else built from a scan of the table), hands it one {@code GET
 * /api/search} event and prints {@code ANSWERED <status>}. The parent times the whole process from
 * start to that line.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.currentTimeMillis();
    PagesFunction function = new PagesFunction();
    long t1 = System.currentTimeMillis();
    APIGatewayV2HTTPResponse first = search(function, "walking group");
    long t2 = System.currentTimeMillis();
    System.out.printf(
        "PHASES jvm-to-main %d ms, function init %d ms, first search %d ms%n",
        t0 - jvmStart, t1 - t0, t2 - t1);
    if (first.getStatusCode() != 200) {
      System.out.println("FAILED " + first.getStatusCode() + " " + first.getBody());
      System.exit(1);
    }
    System.out.println("ANSWERED " + first.getStatusCode() + " semantic=" + semantic(first));
    // Then how long until an answer uses the semantic leg (the model loads in the background).
    long hybrid = semantic(first) ? t2 : -1;
    long deadline = System.currentTimeMillis() + 10_000;
    while (hybrid < 0 && System.currentTimeMillis() < deadline) {
      if (semantic(search(function, "somewhere to meet people"))) {
        hybrid = System.currentTimeMillis();
      } else {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    System.out.println("HYBRID " + (hybrid < 0 ? -1 : hybrid - jvmStart));
    System.out.flush();
    System.exit(0);
  }

  /** The event API Gateway sends for {@code GET /api/search?q=...&near=B11}. */
  private static APIGatewayV2HTTPResponse search(PagesFunction function, String q) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("GET /api/search");
    event.setRawPath("/api/search");
    event.setRawQueryString(
        "q="
            + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
            + "&near=B11");
    event.setHeaders(java.util.Map.of("accept", "application/json"));
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod("GET");
    http.setPath("/api/search");
    context.setHttp(http);
    event.setRequestContext(context);
    return function.handleRequest(event, null);
  }

  private static boolean semantic(APIGatewayV2HTTPResponse response) {
    return response.getBody() != null && response.getBody().contains("\"semantic\":true");
  }
}
