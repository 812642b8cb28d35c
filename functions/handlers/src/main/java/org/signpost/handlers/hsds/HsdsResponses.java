package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;

/** Encodes HSDS 3.0 API answers: API info, paginated envelopes, ndjson and the spreadsheet CSV. */
public final class HsdsResponses {
  public static final String VERSION = "3.0";

  /** Where the Signpost profile of HSDS is published; the file is docs/hsds-profile.md. */
  public static final String PROFILE_URI = "https://signpost.example/docs/hsds-profile.md";

  private HsdsResponses() {}

  public static ApiResponse apiInfo() {
    ObjectNode info = Json.MAPPER.createObjectNode();
    info.put("version", VERSION);
    info.put("profile", PROFILE_URI);
    info.put("openapi_url", "https://docs.openreferral.org/en/v3.0/hsds/openapi.html");
    info.put("publisher", "Signpost");
    return json(info);
  }

  public static ApiResponse page(HsdsCatalogue.Page page) {
    return json(envelope(page.contents(), page.totalItems(), page.page(), page.perPage()));
  }

  public static ApiResponse service(ObjectNode service) {
    return json(service);
  }

  /** One service per line, for bulk consumers; paged like the JSON answer. */
  public static ApiResponse ndjson(HsdsCatalogue.Page page) {
    StringBuilder out = new StringBuilder();
    for (ObjectNode service : page.contents()) {
      out.append(Json.write(service)).append('\n');
    }
    return new ApiResponse(
        200,
        Map.of("Content-Type", "application/x-ndjson", "Cache-Control", "public, max-age=60"),
        out.toString());
  }

  /** The community-group spreadsheet layout, with formula-like cells escaped. */
  public static ApiResponse csv(HsdsCatalogue.Page page) {
    return new ApiResponse(
        200,
        Map.of(
            "Content-Type", "text/csv; charset=utf-8",
            "Content-Disposition", "attachment; filename=\"services.csv\""),
        SpreadsheetCsv.write(page.contents()));
  }

  public static ApiResponse taxonomies(Map<String, List<String>> query) {
    ArrayNode contents = Json.MAPPER.createArrayNode();
    for (HsdsTaxonomies.Taxonomy t : HsdsTaxonomies.ALL) {
      contents
          .addObject()
          .put("id", t.id())
          .put("name", t.name())
          .put("description", t.description())
          .put("uri", PROFILE_URI + "#" + t.id())
          .put("version", t.version());
    }
    return json(envelope(contents, contents.size(), 1, Math.max(1, contents.size())));
  }

  public static ApiResponse terms(Map<String, List<String>> query) {
    List<String> wanted = query.getOrDefault("taxonomy_id", List.of());
    ArrayNode contents = Json.MAPPER.createArrayNode();
    for (HsdsTaxonomies.Term term : HsdsTaxonomies.terms()) {
      if (wanted.isEmpty() || wanted.contains(term.taxonomyId())) {
        contents.add(HsdsMapping.term(term));
      }
    }
    return json(envelope(contents, contents.size(), 1, Math.max(1, contents.size())));
  }

  private static ObjectNode envelope(
      Iterable<? extends com.fasterxml.jackson.databind.JsonNode> contents,
      int totalItems,
      int page,
      int perPage) {
    int totalPages = Math.max(1, (totalItems + perPage - 1) / perPage);
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("total_items", totalItems);
    node.put("total_pages", totalPages);
    node.put("page_number", page);
    node.put("size", perPage);
    node.put("first_page", page == 1);
    node.put("last_page", page >= totalPages);
    node.put("empty", !contents.iterator().hasNext());
    ArrayNode array = node.putArray("contents");
    contents.forEach(array::add);
    return node;
  }

  private static ApiResponse json(ObjectNode body) {
    return ApiResponse.json(200, Json.write(body))
        .withHeader("Cache-Control", "public, max-age=60");
  }
}
