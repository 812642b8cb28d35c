package org.signpost.handlers.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.listing.ListingService;
import org.signpost.core.listing.ModerationService;
import org.signpost.core.listing.Revision;
import org.signpost.core.listing.StaleListings;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.pages.ListingCheckPages;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.Web;
import org.signpost.handlers.web.WebContext;
import org.signpost.handlers.wiring.Wiring;

/**
 * Lambda handler for the provider portal and the admin moderation queue: server-rendered pages that
 * work without JavaScript, calling the same core services as the JSON API.
 */
public final class PortalFunction extends HttpFunction {

  public PortalFunction() {
    this(Wiring.shared());
  }

  PortalFunction(Wiring wiring) {
    this(
        wiring.web,
        wiring.listingService,
        wiring.moderationService,
        wiring.organisationService,
        wiring.staleListings,
        wiring.identity);
  }

  PortalFunction(
      Web web,
      ListingService listings,
      ModerationService moderation,
      OrganisationService organisations,
      StaleListings stale,
      Identity identity) {
    super(routes(web, listings, moderation, organisations, stale), identity);
  }

  private static Map<String, Function<ApiRequest, ApiResponse>> routes(
      Web web,
      ListingService listings,
      ModerationService moderation,
      OrganisationService organisations,
      StaleListings stale) {
    Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();
    // The owner's one-click "still up to date" link from the stale-listing emails; no sign-in.
    ListingCheckPages check = new ListingCheckPages(stale);
    routes.put("GET /listing-check/{token}", web.page(check::view));
    routes.put("POST /listing-check/{token}", web.page(check::confirm));
    routes.put("GET /portal", web.page((r, page) -> home(listings, r, page)));
    routes.put(
        "GET /portal/listings/new",
        web.page((r, page) -> form(page, caller(r), null, ListingForm.blank(), List.of(), 200)));
    routes.put("POST /portal/listings", web.page((r, page) -> create(listings, r, page)));
    routes.put(
        "GET /portal/listings/{id}",
        web.page(
            (r, page) -> {
              Listing listing = listings.get(r.pathParameter("id"), r.caller());
              requireOwner(caller(r), listing);
              return form(page, caller(r), listing, editable(listing), List.of(), 200);
            }));
    routes.put("POST /portal/listings/{id}", web.page((r, page) -> update(listings, r, page)));
    routes.put(
        "POST /portal/listings/{id}/verify",
        web.page(
            (r, page) -> {
              page.verify(FormData.from(r));
              listings.verify(caller(r), r.pathParameter("id"));
              return page.redirect("/portal?done=verified");
            }));
    routes.put(
        "GET /portal/listings/{id}/history", web.page((r, page) -> history(listings, r, page)));
    routes.put("GET /portal/moderation", web.page((r, page) -> queue(moderation, r, page)));
    routes.put(
        "POST /portal/moderation/{id}/approve",
        web.page(
            (r, page) -> {
              FormData form = FormData.from(r);
              page.verify(form);
              moderation.approve(
                  caller(r), r.pathParameter("id"), IfMatch.version(form.value("version")));
              return page.redirect("/portal/moderation?done=approved");
            }));
    routes.put(
        "POST /portal/moderation/{id}/reject",
        web.page(
            (r, page) -> {
              FormData form = FormData.from(r);
              page.verify(form);
              moderation.reject(
                  caller(r),
                  r.pathParameter("id"),
                  IfMatch.version(form.value("version")),
                  form.value("reason"));
              return page.redirect("/portal/moderation?done=rejected");
            }));
    routes.put(
        "GET /portal/organisations",
        web.page((r, page) -> OrganisationReview.page(organisations, caller(r), r, page)));
    routes.put(
        "POST /portal/organisations/{id}/review",
        web.page(
            (r, page) -> {
              FormData form = FormData.from(r);
              page.verify(form);
              return page.redirect(
                  OrganisationReview.review(organisations, caller(r), r.pathParameter("id"), form));
            }));
    return routes;
  }

  private static ApiResponse home(ListingService listings, ApiRequest request, WebContext page) {
    Caller caller = caller(request);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (caller.organisationId().isPresent() && caller.actsFor(caller.organisationId().get())) {
      for (Listing listing : listings.ofOrganisation(caller, caller.organisationId().get())) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", listing.id());
        row.put("name", listing.content().name());
        row.put("status", listing.status());
        row.put("awaiting", listing.awaitingReview());
        row.put("assured", listing.assuredDate());
        row.put("note", listing.moderationNote());
        rows.add(row);
      }
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Your listings");
    scope.put("listings", rows);
    scope.put("none", rows.isEmpty());
    scope.put("admin", caller.isAdmin());
    scope.put("organisation", caller.organisationId().orElse(null));
    scope.put(
        "done", request.query().getOrDefault("done", List.of()).stream().findFirst().orElse(null));
    return page.render(200, "portal/home", scope);
  }

  private static ApiResponse create(ListingService listings, ApiRequest request, WebContext page) {
    Caller caller = caller(request);
    FormData form = FormData.from(request);
    page.verify(form);
    try {
      ListingContent content = ListingForm.readValid(form);
      Listing created =
          listings.create(caller, Optional.empty(), content, "draft".equals(form.value("action")));
      return page.redirect("/portal?done=" + created.status());
    } catch (ListingForm.Rejected rejected) {
      return form(page, caller, null, rejected.content, rejected.errors, 400);
    }
  }

  private static ApiResponse update(ListingService listings, ApiRequest request, WebContext page) {
    Caller caller = caller(request);
    FormData form = FormData.from(request);
    page.verify(form);
    String id = request.pathParameter("id");
    Listing current = listings.get(id, request.caller());
    requireOwner(caller, current);
    try {
      Listing saved =
          listings.update(
              caller,
              id,
              ListingForm.readValid(form),
              IfMatch.required(form.value("version")),
              "draft".equals(form.value("action")));
      return page.redirect(
          "/portal?done=" + (saved.awaitingReview() ? "submitted" : saved.status()));
    } catch (ListingForm.Rejected rejected) {
      return form(page, caller, current, rejected.content, rejected.errors, 400);
    } catch (SignpostException.PreconditionFailed stale) {
      return form(
          page,
          caller,
          current,
          ListingForm.read(form).content(),
          List.of(
              new FieldError(
                  "version",
                  "Someone else saved this listing while you were editing. Check their changes below, then save again.")),
          412);
    }
  }

  private static ApiResponse history(ListingService listings, ApiRequest request, WebContext page) {
    Caller caller = caller(request);
    String id = request.pathParameter("id");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Revision revision : listings.history(caller, id)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("at", revision.at().toString());
      row.put("actor", revision.actor());
      row.put("action", revision.action().replace('_', ' '));
      row.put("changes", revision.changes());
      row.put("note", revision.note());
      rows.add(row);
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "History");
    scope.put("id", id);
    scope.put("revisions", rows);
    return page.render(200, "portal/history", scope);
  }

  private static ApiResponse queue(
      ModerationService moderation, ApiRequest request, WebContext page) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ModerationService.QueueItem item : moderation.queue(caller(request))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", item.listing().id());
      row.put("name", item.listing().content().name());
      row.put("organisation", item.listing().organisationName());
      row.put("kind", item.kind().equals("edit") ? "Edit to a published listing" : "New listing");
      row.put("version", item.listing().version());
      row.put("changes", item.changes());
      items.add(row);
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Moderation queue");
    scope.put("items", items);
    scope.put("empty", items.isEmpty());
    scope.put(
        "done", request.query().getOrDefault("done", List.of()).stream().findFirst().orElse(null));
    return page.render(200, "portal/moderation", scope);
  }

  private static ApiResponse form(
      WebContext page,
      Caller caller,
      Listing listing,
      ListingContent content,
      List<FieldError> errors,
      int status) {
    Map<String, Object> scope = new LinkedHashMap<>(ListingForm.values(content));
    scope.put("title", listing == null ? "New listing" : "Edit listing");
    scope.put("action", listing == null ? "/portal/listings" : "/portal/listings/" + listing.id());
    scope.put("listing_id", listing == null ? null : listing.id());
    scope.put("version", listing == null ? null : listing.version());
    scope.put("status", listing == null ? null : listing.status());
    scope.put("note", listing == null ? null : listing.moderationNote());
    scope.put("pending", listing != null && listing.pending() != null);
    scope.put("errors", errors);
    scope.put("has_errors", !errors.isEmpty());
    scope.put("admin", caller.isAdmin());
    return page.render(status, "portal/listing-form", scope);
  }

  /** What the provider sees in the form: their held edit if one waits for review. */
  private static ListingContent editable(Listing listing) {
    return listing.pending() != null ? listing.pending() : listing.content();
  }

  private static void requireOwner(Caller caller, Listing listing) {
    if (!caller.actsFor(listing.organisationId())) {
      throw new SignpostException.Forbidden("this listing belongs to another organisation");
    }
  }

  private static Caller caller(ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    caller.require(Role.PROVIDER, Role.ADMIN);
    return caller;
  }
}
