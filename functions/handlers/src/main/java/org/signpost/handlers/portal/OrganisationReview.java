package org.signpost.handlers.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.auth.Caller;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationService;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.WebContext;

/**
 * The admin page where community groups that signed up are approved, trusted or suspended: the same
 * {@link OrganisationService#review} as {@code PUT /api/organisations/{id}/review}, as forms that
 * work without JavaScript. Approving a group makes the person who asked for it its provider.
 * Stateless.
 */
final class OrganisationReview {
  private OrganisationReview() {}

  static ApiResponse page(
      OrganisationService organisations, Caller caller, ApiRequest request, WebContext page) {
    List<Map<String, Object>> rows = new ArrayList<>();
    organisations.all(caller).stream()
        .sorted(
            Comparator.comparing((Organisation o) -> !Organisation.PENDING.equals(o.status()))
                .thenComparing(Organisation::name))
        .forEach(
            o -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("id", o.id());
              row.put("name", o.name());
              row.put("description", o.description());
              row.put("status", o.status());
              row.put("pending", Organisation.PENDING.equals(o.status()));
              row.put("approved", Organisation.APPROVED.equals(o.status()));
              row.put("trusted", o.trusted());
              row.put("version", o.version());
              rows.add(row);
            });
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", "Organisations");
    scope.put("organisations", rows);
    scope.put("empty", rows.isEmpty());
    scope.put(
        "done", request.query().getOrDefault("done", List.of()).stream().findFirst().orElse(null));
    return page.render(200, "portal/organisations", scope);
  }

  /** Applies one review form; returns where to go next. */
  static String review(OrganisationService organisations, Caller caller, String id, FormData form) {
    String status = form.value("status");
    long version;
    try {
      version = Long.parseLong(form.value("version") == null ? "" : form.value("version"));
    } catch (NumberFormatException e) {
      throw SignpostException.Invalid.of("version", "the form is out of date; reload the page");
    }
    organisations.review(caller, id, status, "on".equals(form.value("trusted")), version);
    return "/portal/organisations?done=" + status;
  }
}
