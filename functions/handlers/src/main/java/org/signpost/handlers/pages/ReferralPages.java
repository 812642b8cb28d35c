package org.signpost.handlers.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRequest;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.referral.ReferralValidator;
import org.signpost.core.referral.StatusChange;
import org.signpost.core.time.Clocks;
import org.signpost.handlers.auth.OidcSettings;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.FormTokens;
import org.signpost.handlers.web.I18n;
import org.signpost.handlers.web.WebContext;

/**
 * The self-referral form, its post and the person's private status page. Errors are shown on the
 * form in the person's language with their answers kept; nothing is stored for a rejected post.
 * Thread-safe.
 */
public final class ReferralPages {
  /** The honeypot: hidden from people, filled in by naive bots. */
  static final String HONEYPOT = "website";

  private static final CrisisDetector CRISIS = new CrisisDetector();

  private final ReferralService referrals;
  private final ListingRepository listings;
  private final Clock clock;
  private final Duration minFillTime;

  /**
   * This site's configured address; links never come from request headers. Empty: site-relative.
   */
  private final String publicBaseUrl =
      OidcSettings.publicBaseUrlFromEnvironment()
          .map(url -> url.toString().replaceAll("/+$", ""))
          .orElse("");

  public ReferralPages(
      ReferralService referrals, ListingRepository listings, Clock clock, Duration minFillTime) {
    this.referrals = referrals;
    this.listings = listings;
    this.clock = clock;
    this.minFillTime = minFillTime;
  }

  /** {@code GET /refer} and {@code GET /refer/{listingId}}. */
  public ApiResponse form(ApiRequest request, WebContext page) {
    String listingId = request.pathParameters().get("listingId");
    Listing listing = listingId == null ? null : published(listingId);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("language", page.language().code());
    return renderForm(page, 200, listing, FormTokens.randomToken(18), values, List.of());
  }

  /** {@code POST /refer}. */
  public ApiResponse submit(ApiRequest request, WebContext page) {
    FormData form = FormData.from(request);
    String listingId = form.value("listing_id");
    Listing listing = listingId.isEmpty() ? null : published(listingId);
    String key =
        form.value("idempotency_key").matches("[A-Za-z0-9_-]{16,100}")
            ? form.value("idempotency_key")
            : FormTokens.randomToken(18);
    Map<String, Object> values = values(form);
    Instant drawn;
    try {
      drawn = page.verify(form);
    } catch (SignpostException.Forbidden expired) {
      return renderForm(page, 403, listing, key, values, List.of(error(page, "form", "error_403")));
    }
    if (!form.value(HONEYPOT).isEmpty()) {
      throw SignpostException.Invalid.of("form", "rejected");
    }
    if (drawn.plus(minFillTime).isAfter(clock.instant())) {
      return renderForm(
          page, 400, listing, key, values, List.of(error(page, "form", "err_too_fast")));
    }
    ReferralRequest referral =
        new ReferralRequest(
            listingId,
            form.value("name"),
            form.value("phone"),
            form.value("email"),
            form.value("best_time"),
            form.value("postcode"),
            form.values("need"),
            form.value("free_text"),
            "",
            List.of(),
            form.value("language"),
            form.value("access_needs"),
            "yes".equals(form.value("consent")),
            key);
    List<ReferralValidator.Issue> issues = ReferralValidator.check(referral, false);
    if (!issues.isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>();
      issues.forEach(i -> errors.add(error(page, i.field(), i.key())));
      return renderForm(page, 400, listing, key, values, errors);
    }
    ReferralService.Submitted submitted;
    try {
      submitted = referrals.submitSelf(referral, request.sourceIp());
    } catch (SignpostException.Invalid e) {
      String message =
          listing != null && !listing.content().referralRoutes().contains("self")
              ? "err_no_self"
              : "err_listing";
      return renderForm(
          page, 400, listing, key, values, List.of(error(page, "listing_id", message)));
    } catch (SignpostException.TooManyRequests e) {
      return renderForm(page, 429, listing, key, values, List.of(error(page, "form", "error_429")));
    } catch (SignpostException.Conflict e) {
      return renderForm(page, 409, listing, key, values, List.of(error(page, "form", "error_409")));
    }
    // Post/redirect/get: refreshing the status page never posts again.
    return page.redirect("/r/" + submitted.token() + "?sent=1");
  }

  /** {@code GET /r/{token}}: what has happened, for the person; no personal details shown. */
  public ApiResponse status(ApiRequest request, WebContext page) {
    Referral r;
    try {
      r = referrals.byToken(request.pathParameter("token"));
    } catch (SignpostException.NotFound e) {
      return page.render(
              404, "status", Map.of("title", page.message("status_title"), "unknown", true))
          .withHeader("X-Robots-Tag", "noindex");
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("status_title"));
    scope.put("sent", request.query().containsKey("sent"));
    scope.put("urgent", r.urgent());
    scope.put("reference", page.message("done_reference", r.reference()));
    scope.put("listingName", r.listingName());
    scope.put("now", page.message("status_" + r.status().code()));
    scope.put("link", publicBaseUrl + "/r/" + request.pathParameter("token"));
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(page.language().locale());
    List<Map<String, Object>> history = new ArrayList<>();
    for (StatusChange change : r.history()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("what", page.message("status_" + change.status().code()));
      step.put("when", change.at().atZone(Clocks.LONDON).format(format));
      step.put("reason", change.reason());
      history.add(step);
    }
    scope.put("history", history);
    return page.render(200, "status", scope).withHeader("X-Robots-Tag", "noindex");
  }

  private Listing published(String id) {
    return listings
        .find(id)
        .filter(Listing::isPublished)
        .orElseThrow(() -> new SignpostException.NotFound("no listing " + id));
  }

  private ApiResponse renderForm(
      WebContext page,
      int status,
      Listing listing,
      String key,
      Map<String, Object> values,
      List<Map<String, String>> errors) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message(listing == null ? "refer_general_title" : "refer_title"));
    scope.put("general", listing == null);
    if (listing != null) {
      scope.put("listingId", listing.id());
      scope.put("listingName", listing.content().name());
    }
    scope.put("idempotencyKey", key);
    scope.put("v", values);
    @SuppressWarnings("unchecked")
    List<String> chosen = (List<String>) values.getOrDefault("needs", List.of());
    scope.put("needChips", PublicPages.needChips(page, chosen));
    String language = String.valueOf(values.getOrDefault("language", page.language().code()));
    List<Map<String, Object>> languages = new ArrayList<>();
    for (I18n.Language l : I18n.LANGUAGES) {
      languages.add(
          Map.of("code", l.code(), "name", l.name(), "selected", l.code().equals(language)));
    }
    scope.put("languageOptions", languages);
    scope.put("errors", errors);
    scope.put("hasErrors", !errors.isEmpty());
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.get("field"), e.get("message")));
    scope.put("fieldErrors", byField);
    // Someone who writes that they are in danger sees crisis help first, even on a refused form.
    scope.put(
        "crisis", CRISIS.signalsDistress(String.valueOf(values.getOrDefault("free_text", ""))));
    return page.render(status, "refer", scope);
  }

  private static Map<String, Object> values(FormData form) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field :
        List.of(
            "name",
            "phone",
            "email",
            "best_time",
            "postcode",
            "free_text",
            "language",
            "access_needs")) {
      values.put(field, form.value(field));
    }
    values.put("needs", form.values("need"));
    values.put("consent", "yes".equals(form.value("consent")));
    return values;
  }

  private static Map<String, String> error(WebContext page, String field, String key) {
    return Map.of("field", field, "message", page.message(key));
  }
}
