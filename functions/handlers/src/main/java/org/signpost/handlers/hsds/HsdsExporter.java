package org.signpost.handlers.hsds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes the complete HSDS services export, every published service in full, one per line, when the
 * directory has changed since the last one (compared by a digest of the lines). The housekeeping
 * function runs it on its schedule. Thread-safe if its ports are.
 */
public final class HsdsExporter {
  private final HsdsCatalogue catalogue;
  private final HsdsExports exports;
  private final Clock clock;

  public HsdsExporter(HsdsCatalogue catalogue, HsdsExports exports, Clock clock) {
    this.catalogue = catalogue;
    this.exports = exports;
    this.clock = clock;
  }

  /** What one run did. */
  public record Result(boolean written, int services, long bytes) {}

  /** Writes the export if it differs from the stored one. */
  public Result run() {
    HsdsCatalogue.Page page = catalogue.services(HsdsCatalogue.Query.everything());
    String ndjson = HsdsResponses.ndjsonBody(page, Long.MAX_VALUE).orElseThrow();
    byte[] bytes = ndjson.getBytes(StandardCharsets.UTF_8);
    String stamp = digest(bytes);
    Optional<HsdsExports.Export> stored = exports.latest();
    if (stored.isPresent() && stored.get().stamp().equals(stamp)) {
      return new Result(false, page.contents().size(), bytes.length);
    }
    exports.publish(ndjson, clock.instant(), stamp);
    return new Result(true, page.contents().size(), bytes.length);
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
