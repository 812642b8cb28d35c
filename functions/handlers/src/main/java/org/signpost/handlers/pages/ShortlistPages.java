package org.signpost.handlers.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingRepository;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.FormTokens;
import org.signpost.handlers.web.WebContext;

/**
 * A person's shortlist: add and remove from results, an easy-read "what's on for you" sheet to
 * print or hand over, and a private link to it that expires. Thread-safe.
 */
public final class ShortlistPages {
  private final ListingRepository listings;
  private final ShortlistLinks links;

  public ShortlistPages(ListingRepository listings, FormTokens tokens, Clock clock) {
    this.listings = listings;
    // A key of its own, derived from the deployment's web secret under a purpose label.
    this.links = new ShortlistLinks(tokens.sign("shortlist-link-v1"), clock);
  }

  /** {@code POST /shortlist}: add or remove one listing, then go back where the person was. */
  public ApiResponse change(ApiRequest request, WebContext page) {
    FormData form = FormData.from(request);
    page.verify(form);
    String id = form.value("listing_id");
    Shortlist list = Shortlist.from(request);
    if (Shortlist.isListingId(id)) {
      list = "remove".equals(form.value("action")) ? list.without(id) : list.with(id);
    }
    return page.redirect(safeBack(form.value("back"))).withCookie(list.cookie(https(request)));
  }

  /** {@code GET /shortlist}: the person's own sheet, with remove, print and link. */
  public ApiResponse view(ApiRequest request, WebContext page) {
    Map<String, Object> scope = sheet(page, Shortlist.from(request));
    scope.put("editable", true);
    return page.render(200, "shortlist", scope).withHeader("X-Robots-Tag", "noindex");
  }

  /** {@code POST /shortlist/link}: a private link to this list as it is now. */
  public ApiResponse link(ApiRequest request, WebContext page) {
    page.verify(FormData.from(request));
    Shortlist list = Shortlist.from(request);
    if (list.ids().isEmpty()) {
      return page.redirect("/shortlist");
    }
    return page.redirect("/s/" + links.seal(list, page.language().code()));
  }

  /** {@code GET /s/{token}}: a shared sheet; a bad or expired link says so plainly. */
  public ApiResponse shared(ApiRequest request, WebContext page) {
    Optional<ShortlistLinks.Opened> opened = links.open(request.pathParameter("token"));
    if (opened.isEmpty() || opened.get().expired()) {
      Map<String, Object> scope = new LinkedHashMap<>();
      scope.put("title", page.message("shortlist_title"));
      scope.put(
          "problem", page.message(opened.isEmpty() ? "shortlist_bad_link" : "shortlist_expired"));
      return page.render(opened.isEmpty() ? 404 : 410, "shortlist", scope)
          .withHeader("X-Robots-Tag", "noindex");
    }
    Map<String, Object> scope = sheet(page, opened.get().list());
    scope.put("shared", true);
    return page.render(200, "shortlist", scope)
        .withHeader("X-Robots-Tag", "noindex")
        .withHeader("Cache-Control", "no-store");
  }

  private Map<String, Object> sheet(WebContext page, Shortlist list) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String id : list.ids()) {
      // A listing taken down since it was added simply drops off the sheet.
      listings
          .find(id)
          .filter(Listing::isPublished)
          .ifPresent(listing -> items.add(ListingView.of(page, listing)));
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("shortlist_title"));
    scope.put("items", items);
    scope.put("empty", items.isEmpty());
    return scope;
  }

  // Only a path on this site: "//evil.example" or "https://..." would make this an open redirect.
  private static String safeBack(String back) {
    if (back == null
        || back.length() > 2_000
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.contains("\\")
        || back.chars().anyMatch(c -> c < 0x20)) {
      return "/shortlist";
    }
    return back;
  }

  private static boolean https(ApiRequest request) {
    return request.header("x-forwarded-proto").map("https"::equalsIgnoreCase).orElse(false);
  }
}
