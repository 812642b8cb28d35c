package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;

/**
 * The published directory as HSDS 3.0: filters, pages and maps listings. Only published listings
 * are ever returned. It reads the whole listings table per list request, which is fine at the size
 * of one area's directory (thousands); a larger deployment would page the change-log index instead.
 * Thread-safe if its ports are.
 */
public final class HsdsCatalogue {
  static final int DEFAULT_PER_PAGE = 50;
  static final int MAX_PER_PAGE = 500;

  private final ListingRepository listings;
  private final ListingChangeFeed feed;
  private final OrganisationRepository organisations;

  public HsdsCatalogue(
      ListingRepository listings, ListingChangeFeed feed, OrganisationRepository organisations) {
    this.listings = listings;
    this.feed = feed;
    this.organisations = organisations;
  }

  /**
   * What {@code GET /hsds/services} asks for.
   *
   * @param modifiedAfter only services changed after this instant, or null
   */
  public record Query(
      String search,
      String taxonomyTermId,
      String organizationId,
      Instant modifiedAfter,
      int page,
      int perPage,
      boolean minimal) {

    /** Parses the query string, naming any bad parameter. */
    public static Query parse(Map<String, List<String>> query) {
      return new Query(
          first(query, "search"),
          first(query, "taxonomy_term_id"),
          first(query, "organization_id"),
          instant(first(query, "modified_after")),
          number(query, "page", 1, 1, 1_000_000),
          number(query, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
          "true".equalsIgnoreCase(first(query, "minimal")));
    }

    private static String first(Map<String, List<String>> query, String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() || values.get(0).isBlank()
          ? null
          : values.get(0).strip();
    }

    private static int number(
        Map<String, List<String>> query, String name, int fallback, int min, int max) {
      String raw = first(query, name);
      if (raw == null) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(raw);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw SignpostException.Invalid.of(name, "must be a whole number from " + min + " to " + max);
    }

    private static Instant instant(String raw) {
      if (raw == null) {
        return null;
      }
      try {
        return raw.length() == 10
            ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(raw);
      } catch (DateTimeParseException e) {
        throw SignpostException.Invalid.of(
            "modified_after", "must be a date (2026-01-31) or an instant (2026-01-31T09:00:00Z)");
      }
    }
  }

  /** One page of services and the HSDS paging fields. */
  public record Page(List<ObjectNode> contents, int totalItems, int page, int perPage) {
    public int totalPages() {
      return Math.max(1, (totalItems + perPage - 1) / perPage);
    }
  }

  public Page services(Query query) {
    Map<String, Organisation> orgs =
        organisations.all().stream()
            .collect(Collectors.toMap(Organisation::id, Function.identity(), (a, b) -> a));
    List<Listing> matching = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (listing.isPublished() && matches(listing, query)) {
            matching.add(listing);
          }
        });
    matching.sort(Comparator.comparing(Listing::id));
    int from = Math.min(matching.size(), (query.page() - 1) * query.perPage());
    int to = Math.min(matching.size(), from + query.perPage());
    List<ObjectNode> contents = new ArrayList<>();
    for (Listing listing : matching.subList(from, to)) {
      contents.add(
          query.minimal()
              ? HsdsMapping.minimal(listing)
              : HsdsMapping.toService(listing, orgs.get(listing.organisationId())));
    }
    return new Page(contents, matching.size(), query.page(), query.perPage());
  }

  /** The full service, if it exists and is published. */
  public Optional<ObjectNode> service(String id) {
    return listings
        .find(id)
        .filter(Listing::isPublished)
        .map(
            listing ->
                HsdsMapping.toService(
                    listing, organisations.find(listing.organisationId()).orElse(null)));
  }

  private static boolean matches(Listing listing, Query query) {
    if (query.organizationId() != null
        && !query.organizationId().equals(listing.organisationId())) {
      return false;
    }
    if (query.modifiedAfter() != null && !listing.lastModified().isAfter(query.modifiedAfter())) {
      return false;
    }
    if (query.search() != null) {
      String needle = query.search().toLowerCase(Locale.ROOT);
      String hay =
          String.join(
                  " ",
                  listing.content().name(),
                  String.valueOf(listing.content().summary()),
                  String.valueOf(listing.content().description()),
                  listing.organisationName())
              .toLowerCase(Locale.ROOT);
      if (!hay.contains(needle)) {
        return false;
      }
    }
    if (query.taxonomyTermId() != null) {
      for (JsonNode attribute : HsdsMapping.toService(listing, null).path("attributes")) {
        if (query.taxonomyTermId().equals(attribute.path("taxonomy_term_id").asText())) {
          return true;
        }
      }
      return false;
    }
    return true;
  }
}
