package org.signpost.handlers.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.signpost.handlers.hsds.HsdsExports;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The HSDS export as one S3 object, {@code exports/hsds/services.ndjson}, fetched through a
 * presigned address valid for {@link #LINK_LIFETIME}; the bucket stays private. A PUT is atomic, so
 * a reader never sees half an export. Thread-safe (the SDK clients are).
 */
public final class S3HsdsExports implements HsdsExports {
  static final String KEY = "exports/hsds/services.ndjson";
  static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public S3HsdsExports(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** A presigner for the bucket's endpoint: AWS's defaults, or s3rver with path-style addresses. */
  public static S3Presigner presigner(String region, Optional<URI> endpoint) {
    S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(region));
    endpoint.ifPresent(
        uri ->
            builder
                .endpointOverride(uri)
                .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("S3RVER", "S3RVER"))));
    return builder.build();
  }

  @Override
  public void publish(String ndjson, Instant generatedAt, String stamp) {
    s3.putObject(
        r ->
            r.bucket(bucket)
                .key(KEY)
                .contentType("application/x-ndjson")
                .metadata(Map.of("generated-at", generatedAt.toString(), "stamp", stamp)),
        RequestBody.fromString(ndjson, StandardCharsets.UTF_8));
  }

  @Override
  public Optional<Export> latest() {
    HeadObjectResponse head;
    try {
      head = s3.headObject(r -> r.bucket(bucket).key(KEY));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    String url =
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(LINK_LIFETIME)
                        .getObjectRequest(g -> g.bucket(bucket).key(KEY)))
            .url()
            .toString();
    Map<String, String> metadata = head.metadata();
    Instant generatedAt =
        Optional.ofNullable(metadata.get("generated-at"))
            .map(Instant::parse)
            .orElse(head.lastModified());
    return Optional.of(new Export(url, generatedAt, metadata.getOrDefault("stamp", "")));
  }
}
