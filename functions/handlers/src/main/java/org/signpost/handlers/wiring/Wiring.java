package org.signpost.handlers.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.signpost.core.auth.MembershipService;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.crisis.CrisisRoutes;
import org.signpost.core.embed.Embedder;
import org.signpost.core.embed.EmbeddingListings;
import org.signpost.core.geo.Geocoder;
import org.signpost.core.geo.OutcodeGeocoder;
import org.signpost.core.links.SignedLinks;
import org.signpost.core.listing.ListingRepository;
import org.signpost.core.listing.ListingService;
import org.signpost.core.listing.ModerationService;
import org.signpost.core.listing.StaleListings;
import org.signpost.core.org.OrganisationService;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.report.Reports;
import org.signpost.core.search.IndexSnapshots;
import org.signpost.core.search.PrefetchedSnapshots;
import org.signpost.core.search.SearchParams;
import org.signpost.core.search.SearchService;
import org.signpost.core.search.UnmetNeedTally;
import org.signpost.handlers.auth.OidcSettings;
import org.signpost.handlers.auth.SessionVerifier;
import org.signpost.handlers.embed.MiniLmEmbedder;
import org.signpost.handlers.hsds.HsdsExports;
import org.signpost.handlers.http.Identity;
import org.signpost.handlers.storage.DynamoListingRepository;
import org.signpost.handlers.storage.DynamoMembershipRepository;
import org.signpost.handlers.storage.DynamoOrganisationRepository;
import org.signpost.handlers.storage.DynamoPostcodes;
import org.signpost.handlers.storage.DynamoReferralRepository;
import org.signpost.handlers.storage.DynamoRevisionRepository;
import org.signpost.handlers.storage.DynamoSettings;
import org.signpost.handlers.storage.DynamoUnmetNeeds;
import org.signpost.handlers.storage.S3HsdsExports;
import org.signpost.handlers.storage.S3IndexSnapshots;
import org.signpost.handlers.web.Web;
import org.signpost.search.SearchIndex;
import org.signpost.search.Synonyms;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
  private static final ThreadLocal<Wiring> CONSTRUCTING = new ThreadLocal<>();

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
  public final StaleListings staleListings;
  public final Reports reports;
  public final DynamoPostcodes postcodes;
  public final DynamoSettings settingsTable;
  public final SearchParams searchParams;

  /** The unmet-need counters: only the search function adds, only reports read. */
  public final DynamoUnmetNeeds unmetNeedStore;

  /**
   * Counts searches that found little, in memory, and adds them to {@link #unmetNeedStore} in the
   * background at most once a minute.
   */
  public final UnmetNeedTally unmetNeeds;

  /** The complete HSDS export in the snapshot bucket, or none without one. */
  public final HsdsExports hsdsExports;

  /** Full postcodes from the imported table, outward codes from the bundled centroids. */
  public final Geocoder geocoder;

  public final DynamoMembershipRepository memberships;
  public final MembershipService membershipService;
  public final Identity identity;

  /** The sentence-embedding model, or {@link Embedder#NONE} when EMBEDDINGS is off. */
  public final Embedder embedder;

  /** Where index snapshots are kept, or {@link IndexSnapshots#NONE}. */
  public final IndexSnapshots snapshots;

  /** The listings store as services write it: each write stores the content's embedding. */
  public final ListingRepository embeddedListings;

  public Wiring(Config config, Clock clock) {
    this(config, ReferralSettings.fromEnvironment(), clock);
  }

  public Wiring(Config config, ReferralSettings settings, Clock clock) {
    this(config, settings, clock, dynamoClient(config));
  }

  /**
   * Wiring over a given DynamoDB client; the local runtime passes one limited to a function's
   * template permissions.
   */
  public Wiring(Config config, ReferralSettings settings, Clock clock, DynamoDbClient dynamo) {
    this.config = config;
    this.settings = settings;
    this.web = new Web(settings.webSecret(), clock);
    this.clock = clock;
    this.dynamo = dynamo;
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.listings = new DynamoListingRepository(enhanced, config.tablePrefix());
    this.embedder = Config.embeddingsEnabled() ? MiniLmEmbedder.shared() : Embedder.NONE;
    this.embeddedListings = new EmbeddingListings(listings, embedder);
    // One S3 client for the bucket's two uses: a client costs a cold start tens of milliseconds.
    Optional<software.amazon.awssdk.services.s3.S3Client> s3 =
        Config.snapshotBucket()
            .map(bucket -> S3IndexSnapshots.client(config.region(), Config.s3Endpoint()));
    this.snapshots =
        Config.snapshotBucket()
            .<IndexSnapshots>map(bucket -> new S3IndexSnapshots(s3.orElseThrow(), bucket))
            .orElse(IndexSnapshots.NONE);
    this.hsdsExports =
        Config.snapshotBucket()
            .<HsdsExports>map(
                bucket ->
                    new S3HsdsExports(
                        s3.orElseThrow(),
                        S3HsdsExports.presigner(config.region(), Config.s3Endpoint()),
                        bucket))
            .orElse(HsdsExports.NONE);
    this.organisations = new DynamoOrganisationRepository(enhanced, config.tablePrefix());
    this.revisions = new DynamoRevisionRepository(enhanced, config.tablePrefix());
    this.listingService =
        new ListingService(
            embeddedListings, organisations, revisions, clock, config.trustNewOrganisations());
    this.moderationService = new ModerationService(embeddedListings, listingService, clock);

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
    this.staleListings =
        new StaleListings(
            listingService,
            listings,
            listings,
            referrals,
            referrals,
            new SignedLinks(settings.webSecret()),
            clock);
    this.unmetNeedStore = new DynamoUnmetNeeds(dynamo, enhanced, config.tablePrefix());
    this.unmetNeeds =
        new UnmetNeedTally(unmetNeedStore, clock, UNMET_FLUSH_INTERVAL, UNMET_FLUSHER);
    this.reports = new Reports(referrals, listings, unmetNeedStore, clock);
    this.postcodes = new DynamoPostcodes(enhanced, config.tablePrefix());
    this.settingsTable = new DynamoSettings(enhanced, config.tablePrefix());
    // Full postcodes from the imported ONS table, outward codes from the bundled centroids.
    this.geocoder =
        postcodes.orElse(OutcodeGeocoder.bundled()).withOutwardFallback(() -> !postcodes.loaded());
    this.searchParams = new SearchParams(geocoder, clock);
    this.memberships = new DynamoMembershipRepository(enhanced, config.tablePrefix());
    this.membershipService = new MembershipService(memberships, clock);
    this.organisationService =
        new OrganisationService(organisations, memberships, referrals, clock);
    this.identity =
        new Identity(membershipService, OidcSettings.fromEnvironment().map(SessionVerifier::new));
  }

  /**
   * Constructs handlers that see {@code wiring} as {@link #shared()} while they are built, so the
   * local runtime can give each template function its own wiring in one JVM, as Lambda gives each
   * its own environment. Handlers read the shared wiring only in their constructors.
   */
  public static <T> T buildWith(Wiring wiring, java.util.function.Supplier<T> construct) {
    Wiring outer = CONSTRUCTING.get();
    CONSTRUCTING.set(wiring);
    try {
      return construct.get();
    } finally {
      CONSTRUCTING.set(outer);
    }
  }

  /** The environment's wiring, created on first use from the environment's settings. */
  public static Wiring shared() {
    Wiring scoped = CONSTRUCTING.get();
    if (scoped != null) {
      return scoped;
    }
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

  /**
   * A search service over an in-memory index: opened from the newest usable snapshot and caught up,
   * or built from a scan of the store when there is none.
   */
  public SearchService newSearchService() {
    if (snapshots == IndexSnapshots.NONE) {
      return newScannedSearchService();
    }
    // The newest snapshot downloads and opens on a thread of its own, so there is no empty index to
    // build first and throw away.
    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(() -> snapshots, this::openSnapshot);
    SearchIndex first =
        prefetched
            .newestOpened()
            .map(opened -> opened.loaded().index())
            .orElseGet(this::emptyIndex);
    SearchService service = searchService(first);
    service.start(prefetched);
    loadModel();
    return service;
  }

  private SearchIndex.Loaded openSnapshot(byte[] bytes) {
    return SearchIndex.fromSnapshot(bytes, Synonyms.bundled(), cursorKey(settings.webSecret()));
  }

  /** A search service over a fresh in-memory index, built from a scan of the store. */
  public SearchService newScannedSearchService() {
    SearchService service = searchService(emptyIndex());
    service.build();
    loadModel();
    return service;
  }

  /** A search service not started yet: the caller chooses snapshot or scan. */
  public SearchService unstartedSearchService() {
    loadModel();
    return searchService(emptyIndex());
  }

  /**
   * Starts loading the embedding model in the background. A new search environment does this once
   * its index is open, not before: the model's load would otherwise take the CPU the index needs (a
   * function has about one core), and until it is ready searches answer by keywords and say so.
   */
  private void loadModel() {
    if (embedder instanceof MiniLmEmbedder model) {
      model.loadInBackground();
    }
  }

  private SearchIndex emptyIndex() {
    return new SearchIndex(Synonyms.bundled(), cursorKey(settings.webSecret()));
  }

  private SearchService searchService(SearchIndex index) {
    return new SearchService(
        index,
        listings,
        clock,
        Duration.ofMillis(config.searchPollMillis()),
        CrisisRoutes.configured(Optional.of(config.crisisRoutes())),
        settingsTable,
        embedder);
  }

  /** How often an environment adds its unmet-need counts to the store, at most. */
  static final Duration UNMET_FLUSH_INTERVAL = Duration.ofMinutes(1);

  /**
   * One daemon thread for every wiring's unmet-need flushes; it starts with the first flush, so a
   * SnapStart snapshot taken before any search holds no thread.
   */
  private static final java.util.concurrent.ExecutorService UNMET_FLUSHER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "unmet-need-flush");
            thread.setDaemon(true);
            return thread;
          });

  /** Cursors are signed with a key derived from the web secret, shared by every environment. */
  static byte[] cursorKey(byte[] webSecret) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update("search-cursor:".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return digest.digest(webSecret);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  public static DynamoDbClient dynamoClient(Config config) {
    return dynamoClient(config, ClientOverrideConfiguration.builder().build());
  }

  /** A client with extra configuration, such as the local runtime's permission check. */
  public static DynamoDbClient dynamoClient(Config config, ClientOverrideConfiguration overrides) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            // A store that hangs must become a 503 in seconds, not hold a request for minutes.
            .overrideConfiguration(
                overrides.toBuilder()
                    .apiCallAttemptTimeout(Duration.ofSeconds(5))
                    .apiCallTimeout(Duration.ofSeconds(12))
                    .build())
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
