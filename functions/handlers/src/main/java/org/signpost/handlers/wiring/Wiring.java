package org.signpost.handlers.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.listing.ListingService;
import org.signpost.core.org.OrganisationService;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.storage.DynamoListingRepository;
import org.signpost.handlers.storage.DynamoOrganisationRepository;
import org.signpost.handlers.storage.DynamoPostcodes;
import org.signpost.handlers.storage.DynamoSettings;
import org.signpost.search.SearchIndex;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Plain-Java wiring, built once per execution environment so SnapStart can snapshot it. Immutable
 * after construction; thread-safe.
 */
public final class Wiring {
  private static volatile Wiring shared;

  public final Config config;
  public final Clock clock;
  public final DynamoDbClient dynamo;
  public final DynamoDbEnhancedClient enhanced;
  public final DynamoListingRepository listings;
  public final DynamoOrganisationRepository organisations;
  public final ListingService listingService;
  public final OrganisationService organisationService;
  public final DynamoPostcodes postcodes;
  public final DynamoSettings settings;
  public final SearchParams searchParams;

  public Wiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.dynamo = dynamoClient(config);
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.listings = new DynamoListingRepository(enhanced, config.tablePrefix());
    this.organisations = new DynamoOrganisationRepository(enhanced, config.tablePrefix());
    this.listingService =
        new ListingService(listings, organisations, clock, config.trustNewOrganisations());
    this.organisationService = new OrganisationService(organisations);
    this.postcodes = new DynamoPostcodes(enhanced, config.tablePrefix());
    this.settings = new DynamoSettings(enhanced, config.tablePrefix());
    // Full postcodes from the imported ONS table, outward codes from the bundled centroids.
    Geocoder geocoder = postcodes.orElse(OutcodeGeocoder.bundled());
    this.searchParams = new SearchParams(geocoder, clock);
  }

  /** The environment's wiring, created on first use from the environment's settings. */
  public static Wiring shared() {
    Wiring local = shared;
    if (local == null) {
      synchronized (Wiring.class) {
        local = shared;
        if (local == null) {
          local = new Wiring(Config.fromEnvironment(), Clock.systemUTC());
          shared = local;
        }
      }
    }
    return local;
  }

  /** A search service over a fresh in-heap index, built from the store. */
  public SearchService newSearchService() {
    SearchService service =
        new SearchService(
            new SearchIndex(),
            listings,
            clock,
            Duration.ofMillis(config.searchPollMillis()),
            CrisisRoutes.configured(Optional.of(config.crisisRoutes())),
            settings);
    service.build();
    return service;
  }

  public static DynamoDbClient dynamoClient(Config config) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.region()));
    config
        .dynamoEndpoint()
        .ifPresent(
            endpoint ->
                builder
                    .endpointOverride(endpoint)
                    .credentialsProvider(
                        StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("local", "local"))));
    return builder.build();
  }
}
