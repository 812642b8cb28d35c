package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.search.SearchIndex;
import org.signpost.testing.Events;
import software.amazon.awssdk.core.exception.SdkClientException;

/** A cold start while the store is down: 503 everywhere, health included, until it comes back. */
class SearchColdStartTest {
  private final AtomicBoolean storeUp = new AtomicBoolean(false);

  private final ListingChangeFeed feed =
      new ListingChangeFeed() {
        @Override
        public void scanAll(Consumer<Listing> sink) {
          if (!storeUp.get()) {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
          }
        }

        @Override
        public List<Listing> changedSince(String afterChangeKey) {
          return List.of();
        }
      };

  private SearchService index;

  private synchronized SearchService index() {
    if (index == null) {
      SearchService service =
          new SearchService(new SearchIndex(), feed, Clock.systemUTC(), Duration.ZERO);
      service.build();
      index = service;
    }
    return index;
  }

  private APIGatewayV2HTTPResponse get(SearchFunction function, String route) {
    return function.handleRequest(
        Events.request(route, route.substring(4), Map.of(), "q=tea", Map.of(), null, null), null);
  }

  @Test
  void health_is503_whileNoIndexCanBeBuilt_then200OnceTheStoreIsBack() {
    SearchFunction function =
        new SearchFunction(
            this::index,
            new SearchParams(OutcodeGeocoder.bundled(), Clock.systemUTC()),
            org.signpost.core.search.UnmetNeedTally.none());

    for (String route : List.of("GET /health", "GET /api/search")) {
      APIGatewayV2HTTPResponse down = get(function, route);
      assertThat(down.getStatusCode()).as(route).isEqualTo(503);
      assertThat(down.getHeaders())
          .containsEntry("Content-Type", "application/problem+json")
          .containsKey("Retry-After");
    }

    storeUp.set(true);

    assertThat(get(function, "GET /health").getStatusCode()).isEqualTo(200);
    assertThat(get(function, "GET /api/search").getStatusCode()).isEqualTo(200);
  }
}
