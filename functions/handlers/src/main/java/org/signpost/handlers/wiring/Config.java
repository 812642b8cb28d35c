package org.signpost.handlers.wiring;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Deployment settings, read once from the environment (system properties of the same name win, so
 * the local runtime can set them in-process).
 *
 * @param tablePrefix prefix of every DynamoDB table name
 * @param dynamoEndpoint endpoint override for dynalite or LocalStack; empty in AWS
 * @param trustNewOrganisations whether an organisation first seen through a provider's token may
 *     publish without moderation
 * @param searchPollMillis minimum gap between change-log polls of one search environment
 * @param crisisRoutes crisis routes shown on distress searches, as {@code name | contact | detail}
 *     separated by ";"; empty for the bundled UK list
 */
public record Config(
    String tablePrefix,
    Optional<URI> dynamoEndpoint,
    String region,
    boolean trustNewOrganisations,
    long searchPollMillis,
    String crisisRoutes) {

  /** Every variable the code reads; a test checks template.yaml sets them (or says why not). */
  public static final List<String> VARIABLES =
      List.of(
          "TABLE_PREFIX",
          "DYNAMODB_ENDPOINT",
          "AWS_REGION",
          "TRUST_NEW_ORGANISATIONS",
          "SEARCH_POLL_MS",
          // "off" stores listings without embeddings and searches by keywords only
          "EMBEDDINGS",
          // where index snapshots are kept (empty: every environment builds from a scan)
          "SNAPSHOT_BUCKET",
          "S3_ENDPOINT",
          // read by ReferralSettings
          "WEB_SECRET",
          "REFERRAL_RETENTION_DAYS",
          "OUTBOX_DIR",
          "FORM_MIN_FILL_SECONDS",
          "REFERRAL_RATE_LIMIT_PER_HOUR",
          "EMAIL_FROM",
          // read by the housekeeping function: the name text messages show as sent from
          "SMS_SENDER_ID",
          "CRISIS_ROUTES",
          // read by the logging binding
          "LOG_LEVEL",
          "LOG_FORMAT",
          "AWS_LAMBDA_FUNCTION_NAME");

  public Config {
    crisisRoutes = crisisRoutes == null ? "" : crisisRoutes;
    if (tablePrefix == null || !tablePrefix.matches("[A-Za-z0-9_.-]{0,200}")) {
      throw new IllegalArgumentException(
          "TABLE_PREFIX has characters DynamoDB rejects: " + tablePrefix);
    }
    if (searchPollMillis < 0 || searchPollMillis > 60_000) {
      throw new IllegalArgumentException("SEARCH_POLL_MS must be 0..60000: " + searchPollMillis);
    }
  }

  /** Settings without a crisis-route override. */
  public Config(
      String tablePrefix,
      Optional<URI> dynamoEndpoint,
      String region,
      boolean trustNewOrganisations,
      long searchPollMillis) {
    this(tablePrefix, dynamoEndpoint, region, trustNewOrganisations, searchPollMillis, "");
  }

  /** Whether listings are embedded and searches use the semantic leg (EMBEDDINGS, default on). */
  public static boolean embeddingsEnabled() {
    return setting("EMBEDDINGS").map(v -> !v.strip().equalsIgnoreCase("off")).orElse(true);
  }

  /** The bucket holding index snapshots (SNAPSHOT_BUCKET), if any. */
  public static Optional<String> snapshotBucket() {
    return setting("SNAPSHOT_BUCKET").map(String::strip).filter(b -> !b.isEmpty());
  }

  /** An S3 endpoint override (S3_ENDPOINT), for s3rver; empty in AWS. */
  public static Optional<URI> s3Endpoint() {
    return setting("S3_ENDPOINT").map(String::strip).filter(e -> !e.isEmpty()).map(URI::create);
  }

  public static Config fromEnvironment() {
    return new Config(
        setting("TABLE_PREFIX").orElse("signpost-"),
        setting("DYNAMODB_ENDPOINT").filter(s -> !s.isBlank()).map(URI::create),
        setting("AWS_REGION").orElse("eu-west-2"),
        setting("TRUST_NEW_ORGANISATIONS").map(Boolean::parseBoolean).orElse(false),
        setting("SEARCH_POLL_MS").map(Long::parseLong).orElse(1000L),
        setting("CRISIS_ROUTES").orElse(""));
  }

  private static final ThreadLocal<java.util.Set<String>> VISIBLE = new ThreadLocal<>();

  /**
   * Runs {@code body} seeing only the named settings, as one function sees only the environment its
   * template entry gives it; the local runtime builds each function's wiring this way.
   */
  public static <T> T withVisible(
      java.util.Set<String> names, java.util.function.Supplier<T> body) {
    java.util.Set<String> outer = VISIBLE.get();
    VISIBLE.set(java.util.Set.copyOf(names));
    try {
      return body.get();
    } finally {
      VISIBLE.set(outer);
    }
  }

  /** A setting from system properties (local runtime) or the environment. */
  public static Optional<String> setting(String name) {
    java.util.Set<String> visible = VISIBLE.get();
    if (visible != null && !visible.contains(name)) {
      return Optional.empty();
    }
    String value = System.getProperty(name);
    return Optional.ofNullable(value != null ? value : System.getenv(name));
  }
}
