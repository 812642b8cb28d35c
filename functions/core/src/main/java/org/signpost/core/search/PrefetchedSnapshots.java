package org.signpost.core.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Index snapshots with the newest one already on its way: listing the store and downloading the
 * newest snapshot start on a background thread when this is created, so a starting environment
 * overlaps that wait with building its analyzers and empty index. Everything else, and any failure
 * of the prefetch, goes to the store as usual, so the outcome is the same as without it; only the
 * wait is shorter. Thread-safe.
 */
public final class PrefetchedSnapshots implements IndexSnapshots {
  private final IndexSnapshots store;
  private final CompletableFuture<List<String>> keys;
  private final CompletableFuture<byte[]> newest;

  /** Starts listing the store and reading its newest snapshot on a new daemon thread. */
  public PrefetchedSnapshots(IndexSnapshots store) {
    this.store = store;
    this.keys = new CompletableFuture<>();
    this.newest = new CompletableFuture<>();
    Thread fetch = new Thread(this::fetch, "snapshot-prefetch");
    fetch.setDaemon(true);
    fetch.start();
  }

  private void fetch() {
    try {
      List<String> listed = store.newestFirst();
      keys.complete(listed);
      if (listed.isEmpty()) {
        newest.complete(null);
      } else {
        newest.complete(store.read(listed.get(0)));
      }
    } catch (RuntimeException e) {
      keys.completeExceptionally(e);
      newest.completeExceptionally(e);
    }
  }

  @Override
  public List<String> newestFirst() {
    List<String> listed = prefetched(keys);
    return listed != null ? listed : store.newestFirst();
  }

  @Override
  public byte[] read(String key) {
    List<String> listed = prefetched(keys);
    if (listed != null && !listed.isEmpty() && listed.get(0).equals(key)) {
      byte[] bytes = prefetched(newest);
      if (bytes != null) {
        return bytes;
      }
    }
    return store.read(key);
  }

  /** The prefetched value, or null if the prefetch failed or was interrupted. */
  private static <T> T prefetched(CompletableFuture<T> value) {
    try {
      return value.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  @Override
  public void write(String key, byte[] snapshot) {
    store.write(key, snapshot);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }
}
