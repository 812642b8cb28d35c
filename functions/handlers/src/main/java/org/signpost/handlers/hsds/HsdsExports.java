package org.signpost.handlers.hsds;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the complete HSDS services export, one service per line, kept where a client can fetch it
 * whole (S3 in AWS, s3rver locally). An ndjson answer too large for one Lambda response redirects
 * there. Implementations are thread-safe.
 */
public interface HsdsExports {

  /** A stored export: where to fetch it, when it was made and what it was made from. */
  record Export(String url, Instant generatedAt, String stamp) {}

  /** Replaces the export; {@code stamp} names the directory state it was made from. */
  void publish(String ndjson, Instant generatedAt, String stamp);

  /** The current export, with a short-lived address to fetch it, if one has been written. */
  Optional<Export> latest();

  /** No store configured: nothing is kept and there is never an export. */
  HsdsExports NONE =
      new HsdsExports() {
        @Override
        public void publish(String ndjson, Instant generatedAt, String stamp) {}

        @Override
        public Optional<Export> latest() {
          return Optional.empty();
        }
      };
}
