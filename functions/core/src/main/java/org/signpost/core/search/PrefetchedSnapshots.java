package org.signpost.core.search;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.signpost.search.SearchIndex;

/**
 * Index snapshots with the newest one already on its way: connecting to the store, listing it,
 * downloading the newest snapshot and (given an opener) opening it as an index all happen on a
 * background thread that starts when this is created. A starting environment overlaps that with
 * building the rest of its wiring. Everything else, and any failure of the prefetch, goes to the
 * store as usual, so the outcome is the same as without it; only the wait is shorter. Thread-safe.
 */
public final class PrefetchedSnapshots implements IndexSnapshots {
  private final CompletableFuture<IndexSnapshots> store = new CompletableFuture<>();
  private final CompletableFuture<List<String>> keys = new CompletableFuture<>();
  private final CompletableFuture<byte[]> newest = new CompletableFuture<>();
  private final CompletableFuture<SearchIndex.Loaded> opened = new CompletableFuture<>();
  private final Function<byte[], SearchIndex.Loaded> opener;

  /** Starts listing the store and reading its newest snapshot on a new daemon thread. */
  public PrefetchedSnapshots(IndexSnapshots store) {
    this(() -> store, null);
  }

  /**
   * Starts, on a new daemon thread: getting the store (building its client), listing it, reading
   * the newest snapshot and, when {@code opener} is given, opening it.
   *
   * @param opener opens snapshot bytes as an index, or null to only download
   */
  public PrefetchedSnapshots(
      Supplier<? extends IndexSnapshots> store, Function<byte[], SearchIndex.Loaded> opener) {
    this.opener = opener;
    Thread fetch = new Thread(() -> fetch(store), "snapshot-prefetch");
    fetch.setDaemon(true);
    fetch.start();
  }

  private void fetch(Supplier<? extends IndexSnapshots> source) {
    List<String> listed;
    byte[] bytes;
    try {
      IndexSnapshots got = source.get();
      store.complete(got);
      listed = got.newestFirst();
      keys.complete(listed);
      bytes = listed.isEmpty() ? null : got.read(listed.get(0));
      newest.complete(bytes);
    } catch (RuntimeException e) {
      store.completeExceptionally(e);
      keys.completeExceptionally(e);
      newest.completeExceptionally(e);
      opened.completeExceptionally(e);
      return;
    }
    if (bytes == null || opener == null) {
      opened.complete(null);
      return;
    }
    try {
      opened.complete(opener.apply(bytes));
    } catch (RuntimeException e) {
      opened.completeExceptionally(e);
    }
  }

  /**
   * The newest snapshot, opened in the background, if the prefetch opened one.
   *
   * @return the index and the key it was opened from, or empty (no snapshot, no opener, or the
   *     prefetch failed; {@link #open} then says why)
   */
  public Optional<Opened> newestOpened() {
    SearchIndex.Loaded loaded = prefetched(opened);
    List<String> listed = prefetched(keys);
    return loaded == null || listed == null || listed.isEmpty()
        ? Optional.empty()
        : Optional.of(new Opened(listed.get(0), loaded));
  }

  /** An index opened from the snapshot under {@code key}. */
  public record Opened(String key, SearchIndex.Loaded loaded) {}

  /**
   * Opens the snapshot under {@code key}: the one the prefetch opened, if it is that one, else the
   * store's bytes opened by {@code opener}. When the prefetch could not open the newest snapshot
   * (damaged, partial, another schema), this throws what opening it threw, without a second try.
   */
  public SearchIndex.Loaded open(String key, Function<byte[], SearchIndex.Loaded> opener) {
    List<String> listed = prefetched(keys);
    if (this.opener != null && listed != null && !listed.isEmpty() && listed.get(0).equals(key)) {
      try {
        SearchIndex.Loaded loaded = opened.get();
        if (loaded != null) {
          return loaded;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException refused && prefetched(newest) != null) {
          // The bytes arrived and did not open: the same bytes would fail the same way.
          throw refused;
        }
      }
    }
    return opener.apply(read(key));
  }

  @Override
  public List<String> newestFirst() {
    List<String> listed = prefetched(keys);
    return listed != null ? listed : store().newestFirst();
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
    return store().read(key);
  }

  /** The store, once the background thread has it; what getting it threw, if it failed. */
  private IndexSnapshots store() {
    try {
      return store.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to the snapshot store", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new IllegalStateException(e.getCause());
    }
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
    store().write(key, snapshot);
  }

  @Override
  public void delete(String key) {
    store().delete(key);
  }
}
