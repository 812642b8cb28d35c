package org.signpost.handlers.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.signpost.core.listing.StaleListings;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.WebContext;

/**
 * The owner's one-click "still up to date" page from the stale-listing emails: {@code GET
 * /listing-check/{token}} shows one button and changes nothing (mail scanners fetch links); {@code
 * POST} sets the listing's verified date to today. The signed token is the only credential.
 * Thread-safe.
 */
public final class ListingCheckPages {
  private final StaleListings stale;

  public ListingCheckPages(StaleListings stale) {
    this.stale = stale;
  }

  /** {@code GET /listing-check/{token}}. */
  public ApiResponse view(ApiRequest request, WebContext page) {
    return render(request, page, stale.open(request.pathParameter("token")));
  }

  /** {@code POST /listing-check/{token}}. */
  public ApiResponse confirm(ApiRequest request, WebContext page) {
    return render(request, page, stale.confirm(request.pathParameter("token")));
  }

  private static ApiResponse render(
      ApiRequest request, WebContext page, StaleListings.Outcome outcome) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Is this listing still up to date?");
    int status =
        switch (outcome) {
          case StaleListings.Open open -> {
            scope.put("open", true);
            scope.put("name", open.listing().content().name());
            scope.put("action", "/listing-check/" + request.pathParameter("token"));
            yield 200;
          }
          case StaleListings.Confirmed confirmed -> {
            scope.put(
                "message",
                "Thank you. \""
                    + confirmed.listing().content().name()
                    + "\" is marked as checked today ("
                    + confirmed.listing().assuredDate()
                    + ").");
            yield 200;
          }
          case StaleListings.Expired expired -> {
            scope.put(
                "message",
                "This link has expired. Nothing was changed. Sign in to the portal and use"
                    + " \"Still up to date\" there.");
            yield 410;
          }
          case StaleListings.Invalid invalid -> {
            scope.put(
                "message",
                "This link does not work: it may be incomplete or changed, or the listing is no"
                    + " longer published. Nothing was changed.");
            yield 404;
          }
        };
    return page.render(status, "portal/listing-check", scope).withHeader("X-Robots-Tag", "noindex");
  }
}
