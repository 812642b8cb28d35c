package org.signpost.handlers.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.WebContext;

/**
 * The receiving organisation's referrals page: who asked, how to reach them, and a form to move
 * each referral on. Signed-in only (the route has the JWT authoriser). Thread-safe.
 */
public final class PortalPages {
  private final ReferralService referrals;

  public PortalPages(ReferralService referrals) {
    this.referrals = referrals;
  }

  /** {@code GET /portal/referrals}. */
  public ApiResponse list(ApiRequest request, WebContext page) {
    Caller caller = Caller.required(request.caller());
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Referral> mine = new ArrayList<>(referrals.mine(caller));
    mine.sort(Comparator.comparing(Referral::createdAt).reversed());
    for (Referral r : mine) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("reference", r.reference());
      row.put("listing", r.listingName());
      row.put("urgent", r.urgent());
      row.put("name", r.person().name());
      row.put("phone", r.person().phone());
      row.put("email", r.person().email());
      row.put("bestTime", r.person().bestTime());
      row.put("language", r.person().language());
      row.put("accessNeeds", r.person().accessNeeds());
      row.put("freeText", r.freeText());
      row.put("status", r.status().code());
      row.put("version", r.version());
      Long minutes = r.minutesToFirstContact();
      row.put("firstContact", minutes == null ? "" : minutes + " min");
      List<Map<String, Object>> next = new ArrayList<>();
      r.status().next().stream()
          .sorted(Comparator.comparing(ReferralStatus::ordinal))
          .forEach(s -> next.add(Map.of("code", s.code())));
      row.put("next", next);
      row.put(
          "canMove",
          !next.isEmpty()
              && (r.organisationId() == null
                  ? caller.isAdmin()
                  : caller.actsFor(r.organisationId())));
      rows.add(row);
    }
    return page.render(
        200,
        "portal_referrals",
        Map.of("title", "Referrals", "rows", rows, "empty", rows.isEmpty()));
  }

  /**
   * {@code POST /portal/referrals/{id}/status}: a form post, CSRF-checked, then back to the list.
   */
  public ApiResponse move(ApiRequest request, WebContext page) {
    Caller caller = Caller.required(request.caller());
    FormData form = FormData.from(request);
    page.verify(form);
    referrals.move(
        caller,
        request.pathParameter("id"),
        form.value("status"),
        form.value("reason"),
        IfMatch.version(form.value("version")));
    return page.redirect("/portal/referrals");
  }
}
