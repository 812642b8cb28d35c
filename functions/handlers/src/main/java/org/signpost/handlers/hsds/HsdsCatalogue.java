package org.signpost.handlers.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.Places;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingChangeFeed;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.org.Organisation;
import org.signpost.core.org.OrganisationRepository;
import org.signpost.search.GeoPoint;

/**
 * The published directory as HSDS 3.0 (Open Referral UK): filters, pages and maps listings into
 * services, organisations and services at locations. Only published listings are ever returned, and
 * an organisation appears only through its published services. It reads the whole listings table
 * per list request, which is fine at the size of one area's directory (thousands); a larger
 * deployment would page the change-log index instead. Thread-safe if its ports are.
 */
public final class HsdsCatalogue {
  static final int DEFAULT_PER_PAGE = 50;
  static final int MAX_PER_PAGE = 500;
  private static final double EARTH_RADIUS_M = 6_371_000;

  private final ListingRepository listings;
  private final ListingChangeFeed feed;
  private final OrganisationRepository organisations;
  private final Geocoder geocoder;

  public HsdsCatalogue(
      ListingRepository listings, ListingChangeFeed feed, OrganisationRepository organisations) {
    this(listings, feed, organisations, code -> Optional.empty());
  }

  public HsdsCatalogue(
      ListingRepository listings,
      ListingChangeFeed feed,
      OrganisationRepository organisations,
      Geocoder geocoder) {
    this.listings = listings;
    this.feed = feed;
    this.organisations = organisations;
    this.geocoder = geocoder;
  }

  /**
   * What a list request asks for; ids may be the exported UUIDs or Signpost's internal ids.
   *
   * @param modifiedAfter only services changed after this instant, or null
   * @param full whether services carry their nested arrays (ORUK {@code full}, default true)
   * @param postcode a normalised UK postcode to measure {@code proximity} from, or null
   * @param proximity metres from the postcode's centroid, or 0 when there is no postcode
   * @param all every result on one page ({@code format=ndjson}), ignoring page and per_page
   */
  public record Query(
      String search,
      String taxonomyTermId,
      String taxonomyId,
      String organizationId,
      Instant modifiedAfter,
      int page,
      int perPage,
      boolean minimal,
      boolean full,
      boolean fullService,
      String postcode,
      int proximity,
      boolean all) {

    /** Every published service in full, on one page: what the complete export holds. */
    public static Query everything() {
      return new Query(
          null, null, null, null, null, 1, MAX_PER_PAGE, false, true, false, null, 0, true);
    }

    /** Whether this asks for every published service in full, which the complete export holds. */
    public boolean unfiltered() {
      return search == null
          && taxonomyTermId == null
          && taxonomyId == null
          && organizationId == null
          && modifiedAfter == null
          && postcode == null
          && !minimal
          && full;
    }

    /** Parses the query string, naming any bad parameter. */
    public static Query parse(Map<String, List<String>> query) {
      String postcode = first(query, "postcode");
      String proximity = first(query, "proximity");
      if ((postcode == null) != (proximity == null)) {
        throw SignpostException.Invalid.of(
            postcode == null ? "postcode" : "proximity",
            "postcode and proximity go together: a UK postcode and metres from it");
      }
      String normalised = null;
      if (postcode != null) {
        normalised =
            Places.normalisePostcode(postcode)
                .orElseThrow(
                    () -> SignpostException.Invalid.of("postcode", "must be a UK postcode"));
      }
      return new Query(
          first(query, "search"),
          first(query, "taxonomy_term_id"),
          first(query, "taxonomy_id"),
          first(query, "organization_id"),
          instant(first(query, "modified_after")),
          number(query, "page", 1, 1, 1_000_000),
          number(query, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
          bool(query, "minimal", false),
          bool(query, "full", true),
          bool(query, "full_service", false),
          normalised,
          normalised == null ? 0 : number(query, "proximity", 0, 1, 1_000_000),
          "ndjson".equals(first(query, "format")));
    }

    private static String first(Map<String, List<String>> query, String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() || values.get(0).isBlank()
          ? null
          : values.get(0).strip();
    }

    private static boolean bool(Map<String, List<String>> query, String name, boolean fallback) {
      String raw = first(query, name);
      if (raw == null) {
        return fallback;
      }
      return switch (raw.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw SignpostException.Invalid.of(name, "must be true or false");
      };
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

  /** One page of results and the HSDS paging fields. */
  public record Page(List<ObjectNode> contents, int totalItems, int page, int perPage) {
    public int totalPages() {
      return Math.max(1, (totalItems + perPage - 1) / perPage);
    }
  }

  /** Services, filtered and paged; {@code minimal} and {@code full} choose their shape. */
  public Page services(Query query) {
    Map<String, Organisation> orgs = organisationsById();
    List<Listing> matching = published(query);
    return page(
        matching,
        query,
        listing -> {
          if (query.minimal()) {
            return HsdsMapping.minimal(listing);
          }
          Organisation org = orgs.get(listing.organisationId());
          return query.full()
              ? HsdsMapping.toService(listing, org)
              : HsdsMapping.oneToOne(listing, org);
        });
  }

  /** The full service, by its UUID or internal id, if it exists and is published. */
  public Optional<ObjectNode> service(String id) {
    return listing(id)
        .map(
            listing ->
                HsdsMapping.toService(
                    listing, organisations.find(listing.organisationId()).orElse(null)));
  }

  /** Organisations with at least one published service, each with its services. */
  public Page organizations(Query query) {
    Map<String, Organisation> orgs = organisationsById();
    Map<String, List<Listing>> byOrg = new LinkedHashMap<>();
    for (Listing listing : published(withoutServiceFilters(query))) {
      byOrg.computeIfAbsent(listing.organisationId(), k -> new ArrayList<>()).add(listing);
    }
    List<Map.Entry<String, List<Listing>>> entries = new ArrayList<>(byOrg.entrySet());
    if (query.search() != null) {
      String needle = query.search().toLowerCase(Locale.ROOT);
      entries.removeIf(
          e -> {
            Organisation org = orgs.get(e.getKey());
            String name = org == null ? e.getValue().get(0).organisationName() : org.name();
            String description = org == null ? null : org.description();
            return !(name + " " + description).toLowerCase(Locale.ROOT).contains(needle);
          });
    }
    entries.sort(Map.Entry.comparingByKey());
    return page(
        entries, query, e -> organization(orgs.get(e.getKey()), e.getValue(), query.fullService()));
  }

  /** One organisation by its UUID or internal id, if it has a published service. */
  public Optional<ObjectNode> organization(String id, boolean fullService) {
    List<Listing> theirs = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (listing.isPublished()
              && (listing.organisationId().equals(id)
                  || HsdsIds.organization(listing.organisationId()).equalsIgnoreCase(id))) {
            theirs.add(listing);
          }
        });
    if (theirs.isEmpty()) {
      return Optional.empty();
    }
    theirs.sort(Comparator.comparing(Listing::id));
    Organisation org = organisations.find(theirs.get(0).organisationId()).orElse(null);
    return Optional.of(organization(org, theirs, fullService));
  }

  /** Every location of every published service, filtered by the service and by distance. */
  public Page serviceAtLocations(Query query) {
    Map<String, Organisation> orgs = organisationsById();
    GeoPoint centre = query.postcode() == null ? null : locate(query.postcode());
    List<ObjectNode> all = new ArrayList<>();
    for (Listing listing : published(query)) {
      ObjectNode service = HsdsMapping.toService(listing, orgs.get(listing.organisationId()));
      for (JsonNode sal : service.path("service_at_locations")) {
        JsonNode location = sal.path("location");
        if (centre != null
            && metres(centre, location.path("latitude").asDouble(), location.path("longitude"))
                > query.proximity()) {
          continue;
        }
        all.add(serviceAtLocation((ObjectNode) sal, listing, service, query.full()));
      }
    }
    all.sort(Comparator.comparing(n -> n.path("id").asText()));
    return page(all, query, Function.identity());
  }

  /** One service at a location by its UUID, if its service is published. */
  public Optional<ObjectNode> serviceAtLocation(String id) {
    if (!HsdsIds.isUuid(id)) {
      return Optional.empty();
    }
    String wanted = id.toLowerCase(Locale.ROOT);
    Map<String, Organisation> orgs = organisationsById();
    List<ObjectNode> found = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (!listing.isPublished() || listing.content().locations().isEmpty()) {
            return;
          }
          ObjectNode service = HsdsMapping.toService(listing, orgs.get(listing.organisationId()));
          for (JsonNode sal : service.path("service_at_locations")) {
            if (sal.path("id").asText().equals(wanted)) {
              found.add(serviceAtLocation((ObjectNode) sal, listing, service, true));
            }
          }
        });
    return found.stream().findFirst();
  }

  private static ObjectNode serviceAtLocation(
      ObjectNode sal, Listing listing, ObjectNode service, boolean full) {
    ObjectNode out = sal.deepCopy();
    if (full) {
      ObjectNode nested = service.deepCopy();
      nested.remove("service_at_locations");
      out.set("service", nested);
    } else {
      out.set("service", HsdsMapping.brief(listing));
    }
    return out;
  }

  private ObjectNode organization(Organisation org, List<Listing> theirs, boolean fullService) {
    ObjectNode node = HsdsMapping.organization(theirs.get(0), org);
    var services = node.putArray("services");
    for (Listing listing : theirs) {
      services.add(fullService ? HsdsMapping.toService(listing, org) : HsdsMapping.brief(listing));
    }
    return node;
  }

  private GeoPoint locate(String postcode) {
    return geocoder
        .locate(postcode)
        .orElseThrow(
            () -> SignpostException.Invalid.of("postcode", "is not a postcode we can locate"));
  }

  private static double metres(GeoPoint from, double lat, JsonNode lonNode) {
    if (lonNode.isMissingNode()) {
      return Double.MAX_VALUE;
    }
    double lon = lonNode.asDouble();
    double dLat = Math.toRadians(lat - from.lat());
    double dLon = Math.toRadians(lon - from.lon());
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(from.lat()))
                * Math.cos(Math.toRadians(lat))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private Optional<Listing> listing(String id) {
    Optional<Listing> direct = listings.find(id).filter(Listing::isPublished);
    if (direct.isPresent() || !HsdsIds.isUuid(id)) {
      return direct;
    }
    String wanted = id.toLowerCase(Locale.ROOT);
    List<Listing> found = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (listing.isPublished() && HsdsIds.service(listing.id()).equals(wanted)) {
            found.add(listing);
          }
        });
    return found.stream().findFirst();
  }

  private Map<String, Organisation> organisationsById() {
    return organisations.all().stream()
        .collect(Collectors.toMap(Organisation::id, Function.identity(), (a, b) -> a));
  }

  /** Published listings matching the query's service filters, in exported-id order. */
  private List<Listing> published(Query query) {
    Set<String> termIds = termFilter(query);
    List<Listing> matching = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (listing.isPublished() && matches(listing, query, termIds)) {
            matching.add(listing);
          }
        });
    matching.sort(Comparator.comparing(Listing::id));
    return matching;
  }

  private static Query withoutServiceFilters(Query q) {
    return new Query(
        null,
        null,
        null,
        null,
        null,
        q.page(),
        q.perPage(),
        false,
        q.full(),
        q.fullService(),
        null,
        0,
        q.all());
  }

  /** The exported term ids a listing must carry one of, or null when there is no term filter. */
  private static Set<String> termFilter(Query query) {
    if (query.taxonomyTermId() == null && query.taxonomyId() == null) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    if (query.taxonomyTermId() != null) {
      HsdsTaxonomies.findAny(query.taxonomyTermId())
          .ifPresent(term -> ids.add(HsdsIds.term(term.id())));
    }
    if (query.taxonomyId() != null) {
      Optional<HsdsTaxonomies.Taxonomy> taxonomy = HsdsTaxonomies.taxonomy(query.taxonomyId());
      Set<String> inTaxonomy = new HashSet<>();
      taxonomy.ifPresent(
          t ->
              HsdsTaxonomies.terms().stream()
                  .filter(term -> term.taxonomyId().equals(t.id()))
                  .forEach(term -> inTaxonomy.add(HsdsIds.term(term.id()))));
      if (query.taxonomyTermId() == null) {
        ids.addAll(inTaxonomy);
      } else {
        ids.retainAll(inTaxonomy);
      }
    }
    return ids;
  }

  private static boolean matches(Listing listing, Query query, Set<String> termIds) {
    if (query.organizationId() != null
        && !query.organizationId().equals(listing.organisationId())
        && !query
            .organizationId()
            .equalsIgnoreCase(HsdsIds.organization(listing.organisationId()))) {
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
    if (termIds != null) {
      for (JsonNode attribute : HsdsMapping.toService(listing, null).path("attributes")) {
        if (termIds.contains(attribute.path("taxonomy_term_id").asText())) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static <T> Page page(List<T> all, Query query, Function<T, ObjectNode> map) {
    int perPage = query.all() ? Math.max(1, all.size()) : query.perPage();
    int page = query.all() ? 1 : query.page();
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    List<ObjectNode> contents = new ArrayList<>();
    for (T item : all.subList(from, to)) {
      contents.add(map.apply(item));
    }
    return new Page(contents, all.size(), page, perPage);
  }
}
