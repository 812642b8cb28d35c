package org.signpost.handlers.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.signpost.handlers.http.ApiRequest;

/**
 * The listings a person has put on their list, held only in a session cookie: no account, nothing
 * stored on the server, and only listing ids in it. Immutable.
 */
record Shortlist(List<String> ids) {
  static final String COOKIE = "sp_list";
  static final int MAX = 20;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  Shortlist {
    ids = List.copyOf(ids);
  }

  /** The list in the request's cookie; anything malformed is dropped, never an error. */
  static Shortlist from(ApiRequest request) {
    return parse(request.cookie(COOKIE).orElse(""));
  }

  static Shortlist parse(String value) {
    List<String> ids = new ArrayList<>();
    for (String id : value.split("\\.")) {
      if (ID.matcher(id).matches() && !ids.contains(id) && ids.size() < MAX) {
        ids.add(id);
      }
    }
    return new Shortlist(ids);
  }

  static boolean isListingId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** With the listing added at the end; the oldest goes when the list is full. */
  Shortlist with(String id) {
    if (ids.contains(id)) {
      return this;
    }
    List<String> out = new ArrayList<>(ids);
    out.add(id);
    return new Shortlist(out.size() > MAX ? out.subList(out.size() - MAX, out.size()) : out);
  }

  Shortlist without(String id) {
    return new Shortlist(ids.stream().filter(i -> !i.equals(id)).toList());
  }

  /** A Set-Cookie value: a session cookie, so the list goes when the browser closes. */
  String cookie(boolean https) {
    return COOKIE
        + "="
        + String.join(".", ids)
        + "; Path=/; SameSite=Lax; HttpOnly"
        + (ids.isEmpty() ? "; Max-Age=0" : "")
        + (https ? "; Secure" : "");
  }
}
