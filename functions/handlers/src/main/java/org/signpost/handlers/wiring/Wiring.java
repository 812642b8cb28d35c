package org.signpost.handlers.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.listing.ListingService;
import org.signpost.core.listing.ModerationService;
import org.signpost.core.org.OrganisationService;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.handlers.storage.DynamoListingRepository;
import org.signpost.handlers.storage.DynamoOrganisationRepository;
import org.signpost.handlers.storage.DynamoPostcodes;
import org.signpost.handlers.storage.DynamoReferralRepository;
import org.signpost.handlers.storage.DynamoRevisionRepository;
import org.signpost.handlers.storage.DynamoSettings;
import org.signpost.handlers.web.Web;
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
  public final DynamoRevisionRepository revisions;
  public final ListingService listingService;
  public final ModerationService moderationService;
  public final OrganisationService organisationService;
  public final ReferralSettings settings;
  public final Web web;
  public final DynamoReferralRepository referrals;
  public final ReferralService referralService;
  public final DynamoPostcodes postcodes;
  public final DynamoSettings settingsTable;
  public final SearchParams searchParams;

  public Wiring(Config config, Clock clock) {
    this(config, ReferralSettings.fromEnvironment(), clock);
  }

  public Wiring(Config config, ReferralSettings settings, Clock clock) {
    this.config = config;
    this.settings = settings;
    this.web = new Web(settings.webSecret(), clock);
    this.clock = clock;
    this.dynamo = dynamoClient(config);
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.listings = new DynamoListingRepository(enhanced, config.tablePrefix());
    this.organisations = new DynamoOrganisationRepository(enhanced, config.tablePrefix());
    this.revisions = new DynamoRevisionRepository(enhanced, config.tablePrefix());
    this.listingService =
        new ListingService(
            listings, organisations, revisions, clock, config.trustNewOrganisations());
    this.moderationService = new ModerationService(listings, listingService, clock);
    this.organisationService = new OrganisationService(organisations);
    this.referrals = new DynamoReferralRepository(dynamo, enhanced, config.tablePrefix());
    this.referralService =
        new ReferralService(
            referrals,
            listings,
            referrals,
            referrals,
            new CrisisDetector(),
            clock,
            settings.webSecret(),
            settings.retentionDays(),
            settings.rateLimitPerHour());
    this.postcodes = new DynamoPostcodes(enhanced, config.tablePrefix());
    this.settingsTable = new DynamoSettings(enhanced, config.tablePrefix());
    // Full postcodes from the imported ONS table, outward codes from the bundled centroids.
    Geocoder geocoder =
        postcodes.orElse(OutcodeGeocoder.bundled()).withOutwardFallback(() -> !postcodes.loaded());
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
            settingsTable);
    service.build();
    return service;
  }

  public static DynamoDbClient dynamoClient(Config config) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            // A store that hangs must become a 503 in seconds, not hold a request for minutes.
            .overrideConfiguration(
                o ->
                    o.apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12)))
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
