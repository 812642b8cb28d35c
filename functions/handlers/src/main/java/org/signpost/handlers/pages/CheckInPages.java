package org.signpost.handlers.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.referral.FollowUps;
import org.signpost.core.referral.Swemwbs;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.WebContext;

/**
 * The person's private wellbeing check-in page ({@code /c/{token}}): the four ONS4 questions, the
 * seven SWEMWBS items where the prescriber asked for them, and a way to stop further check-ins. The
 * signed token is the only credential; {@code GET} changes nothing. Out-of-range answers are shown
 * on the form and nothing is stored. Thread-safe.
 */
public final class CheckInPages {
  static final List<String> QUESTIONS = List.of("satisfied", "worthwhile", "happy", "anxious");

  private final FollowUps followUps;

  public CheckInPages(FollowUps followUps) {
    this.followUps = followUps;
  }

  /** {@code GET /c/{token}}. */
  public ApiResponse view(ApiRequest request, WebContext page) {
    return render(request, page, followUps.open(request.pathParameter("token")), Map.of(), false);
  }

  /** {@code POST /c/{token}}: answers, or {@code stop=yes}. */
  public ApiResponse answer(ApiRequest request, WebContext page) {
    FormData form = FormData.from(request);
    String token = request.pathParameter("token");
    if ("yes".equals(form.value("stop"))) {
      return render(request, page, followUps.stop(token), Map.of(), false);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<Integer> scores = new ArrayList<>();
    for (String question : QUESTIONS) {
      String value = form.value(question);
      values.put(question, value);
      scores.add(value.matches("\\d{1,2}") ? Integer.valueOf(value) : null);
    }
    // SWEMWBS: all seven items or none; a partly filled set is refused as out of range.
    List<Integer> items = new ArrayList<>();
    boolean anyItem = false;
    for (int i = 1; i <= Swemwbs.ITEMS; i++) {
      String value = form.value("swemwbs_" + i);
      values.put("swemwbs_" + i, value);
      anyItem |= !value.isBlank();
      items.add(value.matches("\\d{1,2}") ? Integer.valueOf(value) : null);
    }
    try {
      return render(
          request,
          page,
          followUps.answer(token, scores, anyItem ? items : List.of()),
          values,
          false);
    } catch (SignpostException.Invalid e) {
      return render(request, page, followUps.open(token), values, true);
    }
  }

  private static ApiResponse render(
      ApiRequest request,
      WebContext page,
      FollowUps.Outcome outcome,
      Map<String, Object> values,
      boolean error) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("checkin_title"));
    int status =
        switch (outcome) {
          case FollowUps.Open open -> {
            scope.put("open", true);
            scope.put("intro", page.message("checkin_intro", open.week()));
            scope.put("action", "/c/" + request.pathParameter("token"));
            scope.put("v", values);
            if (open.referral().checkInPlan().swemwbs()) {
              List<Map<String, Object>> items = new ArrayList<>();
              for (int i = 1; i <= Swemwbs.ITEMS; i++) {
                items.add(
                    Map.of(
                        "name",
                        "swemwbs_" + i,
                        "label",
                        page.message("checkin_swemwbs_" + i),
                        "value",
                        values.getOrDefault("swemwbs_" + i, "")));
              }
              scope.put("swemwbs", items);
              scope.put("swemwbsOffered", true);
            }
            if (error) {
              scope.put(
                  "error",
                  page.message(
                      open.referral().checkInPlan().swemwbs()
                          ? "checkin_error_swemwbs"
                          : "checkin_error"));
            }
            yield error ? 400 : 200;
          }
          case FollowUps.Answered answered -> {
            scope.put("message", page.message("checkin_thanks"));
            yield 200;
          }
          case FollowUps.AlreadyAnswered already -> {
            scope.put("message", page.message("checkin_already"));
            yield 409;
          }
          case FollowUps.Stopped stopped -> {
            scope.put("message", page.message("checkin_stopped"));
            yield 200;
          }
          case FollowUps.Expired expired -> {
            scope.put("message", page.message("checkin_expired"));
            yield 410;
          }
          case FollowUps.Invalid invalid -> {
            scope.put("message", page.message("checkin_invalid"));
            yield 404;
          }
        };
    return page.render(status, "checkin", scope).withHeader("X-Robots-Tag", "noindex");
  }
}
