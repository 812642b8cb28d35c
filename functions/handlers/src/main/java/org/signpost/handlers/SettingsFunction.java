package org.signpost.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.search.SynonymSource;
import org.signpost.handlers.http.ApiRequest;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.HttpFunction;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.http.IfMatch;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.DynamoSettings;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.search.Synonyms;

/**
 * Lambda handler for admin-edited settings: the synonym list that search environments pick up on
 * their next change-log poll, without a redeploy.
 */
public final class SettingsFunction extends HttpFunction {
  static final int MAX_SYNONYM_CHARS = 100_000;

  public SettingsFunction() {
    this(Wiring.shared().settingsTable, Wiring.shared().clock, Wiring.shared().identity);
  }

  SettingsFunction(DynamoSettings settings, Clock clock, Identity identity) {
    super(
        Map.of(
            "GET /api/admin/synonyms", request -> get(settings, request),
            "PUT /api/admin/synonyms", request -> put(settings, clock, request)),
        identity);
  }

  private static ApiResponse get(DynamoSettings settings, ApiRequest request) {
    Caller.required(request.caller()).require(Role.ADMIN);
    var edited = settings.current();
    var body =
        Json.MAPPER
            .createObjectNode()
            .put("synonyms", edited.map(SynonymSource.Edited::text).orElse(""))
            .put("version", edited.map(SynonymSource.Edited::version).orElse(0L));
    return ApiResponse.json(200, Json.write(body));
  }

  private static ApiResponse put(DynamoSettings settings, Clock clock, ApiRequest request) {
    Caller caller = Caller.required(request.caller());
    caller.require(Role.ADMIN);
    JsonNode body = Json.read(request.body(), JsonNode.class);
    JsonNode text = body == null ? null : body.get("synonyms");
    if (text == null || !text.isTextual() || text.asText().length() > MAX_SYNONYM_CHARS) {
      throw SignpostException.Invalid.of(
          "synonyms", "give the list as text, one group of equivalent terms a line");
    }
    try {
      Synonyms.parse(text.asText());
    } catch (IllegalArgumentException e) {
      throw SignpostException.Invalid.of(
          "synonyms", "the list could not be read: " + e.getMessage());
    }
    OptionalLong ifMatch = IfMatch.optional(request);
    Long expected = ifMatch.isPresent() ? ifMatch.getAsLong() : null;
    long version =
        settings.saveSynonyms(text.asText(), expected, caller.subject(), clock.instant());
    var out = Json.MAPPER.createObjectNode().put("version", version);
    return ApiResponse.json(200, Json.write(out)).withHeader("ETag", "\"" + version + "\"");
  }
}
