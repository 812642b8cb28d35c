package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.errors.SignpostException;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;

/** Encodes HSDS 3.0 API answers: API info, paginated envelopes, ndjson and the spreadsheet CSV. */
public final class HsdsResponses {
  public static final String VERSION = "3.0";

  /** The most an ndjson answer may hold: API Gateway and Lambda cap a response at 6 MB. */
  public static final long NDJSON_LIMIT_BYTES = 5_500_000;

  /** Where the Signpost profile of HSDS is published; the file is docs/hsds-profile.md. */
  public static final String PROFILE_URI = "https://signpost.example/docs/hsds-profile.md";

  /** The Open Referral UK V3.0-UK OpenAPI description that this API follows. */
  public static final String OPENAPI_URL =
      "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/"
          + "OpenReferralApi/Schemas/V3.0-UK/open_api.json";

  private HsdsResponses() {}

  public static ApiResponse apiInfo() {
    ObjectNode info = Json.MAPPER.createObjectNode();
    info.put("version", VERSION);
    info.put("profile", PROFILE_URI);
    info.put("openapi_url", OPENAPI_URL);
    info.put("publisher", "Signpost");
    return json(info);
  }

  public static ApiResponse page(HsdsCatalogue.Page page) {
    return json(envelope(page.contents(), page.totalItems(), page.page(), page.perPage()));
  }

  /**
   * A page of organisations. ORUK's V3.0-UK OpenAPI gives {@code /organizations} the schema of one
   * organisation ({@code organization_list.json} requires {@code id}, {@code name} and {@code
   * description} at the top level), and its validator checks the page against it; so the page also
   * describes itself with those three fields, which are true of the list.
   */
  public static ApiResponse organizationsPage(HsdsCatalogue.Page page) {
    ObjectNode body = envelope(page.contents(), page.totalItems(), page.page(), page.perPage());
    body.put("id", HsdsIds.v5("list:organizations"));
    body.put("name", "Organisations");
    body.put("description", "The organisations with at least one published service.");
    return json(body);
  }

  public static ApiResponse service(ObjectNode service) {
    return json(service);
  }

  /**
   * Every matching service, one per line, for bulk consumers: the catalogue puts every result on
   * one page when {@code format=ndjson}. Empty when the answer would pass {@link
   * #NDJSON_LIMIT_BYTES} (under the 6 MB Lambda response cap): then the caller redirects to the
   * complete export or explains.
   */
  public static Optional<ApiResponse> ndjson(HsdsCatalogue.Page page, long limit) {
    return ndjsonBody(page, limit)
        .map(
            body ->
                new ApiResponse(
                    200,
                    Map.of(
                        "Content-Type",
                        "application/x-ndjson",
                        "Cache-Control",
                        "public, max-age=60"),
                    body));
  }

  /** The lines of an ndjson answer, or empty once they pass {@code limit} UTF-8 bytes. */
  public static Optional<String> ndjsonBody(HsdsCatalogue.Page page, long limit) {
    StringBuilder out = new StringBuilder();
    long bytes = 0;
    for (ObjectNode item : page.contents()) {
      String line = Json.write(item) + "\n";
      bytes += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > limit) {
        return Optional.empty();
      }
      out.append(line);
    }
    return Optional.of(out.toString());
  }

  /** Sends a client to the complete export, saying how fresh it is. */
  public static ApiResponse redirect(HsdsExports.Export export) {
    return new ApiResponse(
        302,
        Map.of(
            "Location",
            export.url(),
            "X-Export-Generated-At",
            export.generatedAt().toString(),
            "Cache-Control",
            "no-store"),
        "");
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

  /** The taxonomies, paged. */
  public static ApiResponse taxonomies(Map<String, List<String>> query) {
    List<ObjectNode> contents = new ArrayList<>();
    for (HsdsTaxonomies.Taxonomy t : HsdsTaxonomies.ALL) {
      contents.add(taxonomy(t));
    }
    return json(paged(contents, query));
  }

  /** One taxonomy by its UUID or internal id, with its terms. */
  public static Optional<ApiResponse> taxonomy(String id) {
    return HsdsTaxonomies.taxonomy(id)
        .map(
            t -> {
              ObjectNode node = taxonomy(t);
              ArrayNode terms = node.putArray("taxonomy_terms");
              HsdsTaxonomies.terms().stream()
                  .filter(term -> term.taxonomyId().equals(t.id()))
                  .forEach(term -> terms.add(HsdsMapping.term(term)));
              return json(node);
            });
  }

  private static ObjectNode taxonomy(HsdsTaxonomies.Taxonomy t) {
    return Json.MAPPER
        .createObjectNode()
        .put("id", HsdsIds.taxonomy(t.id()))
        .put("name", t.name())
        .put("description", t.description())
        .put("uri", PROFILE_URI + "#" + t.id())
        .put("version", t.version());
  }

  /**
   * Taxonomy terms, paged, filtered by {@code taxonomy_id}, {@code search}, {@code top_only} and
   * {@code parent_id}. Signpost's taxonomies are flat: every term is a top-level term with no
   * children, so {@code parent_id} finds nothing (an unknown parent is a 404-free empty page).
   */
  public static ApiResponse terms(Map<String, List<String>> query) {
    String taxonomyId = first(query, "taxonomy_id");
    String search = first(query, "search");
    String parentId = first(query, "parent_id");
    String topOnly = first(query, "top_only");
    if (topOnly != null
        && !topOnly.equalsIgnoreCase("true")
        && !topOnly.equalsIgnoreCase("false")) {
      throw SignpostException.Invalid.of("top_only", "must be true or false");
    }
    if (parentId != null && !HsdsIds.isUuid(parentId)) {
      throw SignpostException.Invalid.of("parent_id", "must be a taxonomy term's UUID");
    }
    Optional<HsdsTaxonomies.Taxonomy> taxonomy =
        taxonomyId == null ? Optional.empty() : HsdsTaxonomies.taxonomy(taxonomyId);
    List<ObjectNode> contents = new ArrayList<>();
    for (HsdsTaxonomies.Term term : HsdsTaxonomies.terms()) {
      boolean inTaxonomy =
          taxonomyId == null || taxonomy.map(t -> t.id().equals(term.taxonomyId())).orElse(false);
      boolean found =
          search == null
              || (term.name() + " " + term.code())
                  .toLowerCase(Locale.ROOT)
                  .contains(search.toLowerCase(Locale.ROOT));
      if (inTaxonomy && found && parentId == null) {
        contents.add(HsdsMapping.term(term));
      }
    }
    return json(paged(contents, query));
  }

  /** One taxonomy term by its UUID or internal id. */
  public static Optional<ApiResponse> term(String id) {
    return HsdsTaxonomies.findAny(id).map(term -> json(HsdsMapping.term(term)));
  }

  /** One organisation or service at a location, as its own answer. */
  public static ApiResponse entity(ObjectNode node) {
    return json(node);
  }

  private static ObjectNode paged(List<ObjectNode> all, Map<String, List<String>> query) {
    HsdsCatalogue.Query q = HsdsCatalogue.Query.parse(query);
    int from = Math.min(all.size(), (q.page() - 1) * q.perPage());
    int to = Math.min(all.size(), from + q.perPage());
    return envelope(all.subList(from, to), all.size(), q.page(), q.perPage());
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank()
        ? null
        : values.get(0).strip();
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
