package org.signpost.handlers;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.pages.PublicPages;
import org.signpost.handlers.pages.ReferralPages;
import org.signpost.handlers.pages.ShortlistPages;
import org.signpost.handlers.portal.PortalPages;
import org.signpost.handlers.web.Web;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for the site: the server-rendered pages (search, listing, self-referral, status,
 * shortlist, the organisation's referrals page and their static files) and the search API ({@code
 * /api/search}, {@code /api/suggest}, {@code /health}).
 *
 * <p>It is the one function that holds the search index: pages and API answer from the same
 * in-memory index, so one kind of execution environment cold-starts and pays for an index, not two.
 */
public final class PagesFunction extends HttpFunction {
  public PagesFunction() {
    this(Wiring.shared(), SearchFunction.environmentIndex());
    UnmetNeedTally unmet = Wiring.shared().unmetNeeds;
    // Counts still in memory when the runtime stops are written on the way out, where the runtime
    // runs shutdown hooks (the local runtime does; Lambda does only with an extension registered).
    Runtime.getRuntime().addShutdownHook(new Thread(unmet::flush, "unmet-need-final-flush"));
  }

  PagesFunction(Wiring wiring, SearchService search) {
    this(
        wiring.web,
        search,
        wiring.searchParams,
        wiring.unmetNeeds,
        wiring.listings,
        wiring.referralService,
        wiring.clock,
        wiring.settings.minFillTime(),
        wiring.identity);
  }

  PagesFunction(
      Web web,
      SearchService search,
      SearchParams params,
      UnmetNeedTally unmet,
      ListingRepository listings,
      ReferralService referrals,
      Clock clock,
      Duration minFillTime,
      Identity identity) {
    super(routes(web, search, params, unmet, listings, referrals, clock, minFillTime), identity);
  }

  private static Map<String, Function<ApiRequest, ApiResponse>> routes(
      Web web,
      SearchService search,
      SearchParams params,
      UnmetNeedTally unmet,
      ListingRepository listings,
      ReferralService referrals,
      Clock clock,
      Duration minFillTime) {
    PublicPages pages = new PublicPages(search, params, unmet, listings);
    ReferralPages refer = new ReferralPages(referrals, listings, clock, minFillTime);
    PortalPages portal = new PortalPages(referrals);
    ShortlistPages shortlist = new ShortlistPages(listings, web.tokens(), clock);
    Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();
    routes.put("GET /", web.page(pages::home));
    routes.put("GET /listings/{id}", web.page(pages::listing));
    routes.put("GET /refer", web.page(refer::form));
    routes.put("GET /refer/{listingId}", web.page(refer::form));
    routes.put("POST /refer", web.page(refer::submit));
    routes.put("GET /r/{token}", web.page(refer::status));
    routes.put("POST /shortlist", web.page(shortlist::change));
    routes.put("GET /shortlist", web.page(shortlist::view));
    routes.put("POST /shortlist/link", web.page(shortlist::link));
    routes.put("GET /s/{token}", web.page(shortlist::shared));
    routes.put("GET /portal/referrals", web.page(portal::list));
    routes.put("POST /portal/referrals/{id}/status", web.page(portal::move));
    routes.put(
        "GET /help",
        web.page(
            (request, page) ->
                page.render(200, "help", Map.of("title", page.message("help_title")))));
    routes.put("GET /assets/{file}", web::asset);
    routes.putAll(SearchFunction.routes(() -> search, params, unmet));
    return routes;
  }
}
