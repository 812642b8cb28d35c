package org.signpost.local;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.signpost.devstore.NodeServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the local store's dynalite when it dies, on the same port and data directory, so the
 * running handlers reconnect by themselves, as they would when DynamoDB comes back. Thread-safe.
 */
final class StoreWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWatchdog.class);

  private final Path script;
  private final Path data;
  private final ScheduledExecutorService checks;
  private volatile NodeServer current;
  private volatile boolean closed;

  private StoreWatchdog(Path script, Path data, NodeServer first) {
    this.script = script;
    this.data = data;
    this.current = first;
    this.checks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "store-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Watches a running dynalite started with {@code --path data}, checking every {@code period}. */
  static StoreWatchdog watch(NodeServer running, Path script, Path data, long periodMillis) {
    StoreWatchdog watchdog = new StoreWatchdog(script, data, running);
    watchdog.checks.scheduleWithFixedDelay(
        watchdog::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return watchdog;
  }

  /** The dynalite now serving. */
  NodeServer current() {
    return current;
  }

  private synchronized void check() {
    if (closed || current.alive()) {
      return;
    }
    int port = current.port();
    LOG.warn("the local store (dynalite on port {}) stopped; restarting it", port);
    try {
      current =
          NodeServer.start(script, "--port", Integer.toString(port), "--path", data.toString());
      LOG.info("the local store is back on port {}", port);
    } catch (RuntimeException e) {
      // The port may still be held for a moment; the next check tries again.
      LOG.warn("could not restart the local store yet: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    checks.shutdownNow();
    current.close();
  }
}
