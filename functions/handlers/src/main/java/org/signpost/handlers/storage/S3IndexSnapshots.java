package org.signpost.handlers.storage;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.signpost.core.search.IndexSnapshots;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Index snapshots as S3 objects under {@code snapshots/} in one bucket: S3 in AWS, s3rver locally.
 * A PUT is atomic, so a reader never sees part of a snapshot. Thread-safe (the SDK client is).
 */
public final class S3IndexSnapshots implements IndexSnapshots {
  static final String PREFIX = "snapshots/";

  private final S3Client s3;
  private final String bucket;

  public S3IndexSnapshots(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /**
   * A client for the bucket: AWS's default credentials and endpoint, or an endpoint override
   * (s3rver) with path-style addressing and checksums only where S3 requires them, which older S3
   * emulators handle.
   */
  public static S3Client client(String region, Optional<URI> endpoint) {
    S3ClientBuilder builder =
        S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
    endpoint.ifPresent(
        uri ->
            builder
                .endpointOverride(uri)
                .forcePathStyle(true)
                // s3rver stores aws-chunked bodies with their chunk framing; send plain bodies.
                .serviceConfiguration(
                    software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("S3RVER", "S3RVER"))));
    return builder.build();
  }

  @Override
  public List<String> newestFirst() {
    List<String> keys = new ArrayList<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(PREFIX)).contents()) {
      keys.add(object.key().substring(PREFIX.length()));
    }
    keys.sort(Comparator.reverseOrder());
    return keys;
  }

  @Override
  public byte[] read(String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(PREFIX + key)).asByteArray();
  }

  @Override
  public void write(String key, byte[] snapshot) {
    s3.putObject(r -> r.bucket(bucket).key(PREFIX + key), RequestBody.fromBytes(snapshot));
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(PREFIX + key));
  }
}
