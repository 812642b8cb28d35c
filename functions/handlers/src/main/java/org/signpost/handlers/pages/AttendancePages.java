package org.signpost.handlers.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.signpost.core.referral.Attendance;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.web.FormData;
import org.signpost.handlers.web.WebContext;

/**
 * The receiving group's one-tap attendance page: {@code GET /attend/{token}} shows three buttons
 * and changes nothing (mail scanners fetch links); {@code POST} records the tap. The signed token
 * is the only credential, so no sign-in or CSRF cookie is needed. Never shows the person's details.
 * Thread-safe.
 */
public final class AttendancePages {
  private final Attendance attendance;

  public AttendancePages(Attendance attendance) {
    this.attendance = attendance;
  }

  /** {@code GET /attend/{token}}. */
  public ApiResponse view(ApiRequest request, WebContext page) {
    return render(request, page, attendance.open(request.pathParameter("token")));
  }

  /** {@code POST /attend/{token}} with {@code answer}. */
  public ApiResponse answer(ApiRequest request, WebContext page) {
    String answer = FormData.from(request).value("answer");
    return render(request, page, attendance.answer(request.pathParameter("token"), answer));
  }

  private static ApiResponse render(ApiRequest request, WebContext page, Attendance.Outcome out) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", page.message("attend_title"));
    int status =
        switch (out) {
          case Attendance.Open open -> {
            scope.put("open", true);
            scope.put("action", "/attend/" + request.pathParameter("token"));
            String listing = open.referral().listingName();
            scope.put(
                "intro",
                page.message(
                    "attend_intro",
                    open.referral().reference(),
                    listing == null ? "" : " (" + listing + ")"));
            yield 200;
          }
          case Attendance.Recorded recorded -> {
            scope.put("message", page.message("attend_recorded_" + recorded.answer().code()));
            yield 200;
          }
          case Attendance.AlreadyAnswered already -> {
            scope.put(
                "message",
                page.message(
                    "attend_already", already.referral().status().code().replace('_', ' ')));
            yield 409;
          }
          case Attendance.Expired expired -> {
            scope.put("message", page.message("attend_expired"));
            yield 410;
          }
          case Attendance.Invalid invalid -> {
            scope.put("message", page.message("attend_invalid"));
            yield 404;
          }
        };
    return page.render(status, "attend", scope)
        .withHeader("X-Robots-Tag", "noindex")
        .withHeader("Referrer-Policy", "no-referrer");
  }
}
