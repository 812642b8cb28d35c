package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.signpost.search.SearchIndex;
import org.signpost.search.Synonyms;

class PrefetchedSnapshotsTest {

  /** An in-memory store that counts its calls and can be made to fail. */
  private static final class Store implements IndexSnapshots {
    final Map<String, byte[]> saved = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile boolean down;

    @Override
    public List<String> newestFirst() {
      calls.add("list");
      if (down) {
        throw new IllegalStateException("store unreachable");
      }
      List<String> keys = new ArrayList<>(saved.keySet());
      Collections.reverse(keys);
      return keys;
    }

    @Override
    public byte[] read(String key) {
      calls.add("read " + key);
      if (down) {
        throw new IllegalStateException("store unreachable");
      }
      return saved.get(key);
    }

    @Override
    public void write(String key, byte[] snapshot) {
      saved.put(key, snapshot);
    }

    @Override
    public void delete(String key) {
      saved.remove(key);
    }
  }

  @Test
  void theNewestSnapshot_isReadOnce_inTheBackground_andOlderOnesFromTheStore() {
    Store store = new Store();
    store.write("a", new byte[] {1});
    store.write("b", new byte[] {2});

    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(store);

    assertThat(prefetched.newestFirst()).containsExactly("b", "a");
    assertThat(prefetched.read("b")).containsExactly(2);
    assertThat(prefetched.read("a")).containsExactly(1);
    assertThat(store.calls).containsExactly("list", "read b", "read a");
  }

  @Test
  void anEmptyStore_listsNothing_withoutReading() {
    Store store = new Store();
    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(store);

    assertThat(prefetched.newestFirst()).isEmpty();
    assertThat(store.calls).containsExactly("list");
  }

  @Test
  void aFailedPrefetch_asksTheStoreAgain_soTheCallerSeesWhatTheStoreSays() {
    Store store = new Store();
    store.write("a", new byte[] {1});
    store.down = true;
    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(store);

    assertThatThrownBy(prefetched::newestFirst).hasMessageContaining("unreachable");
    store.down = false;
    assertThat(prefetched.read("a")).containsExactly(1);
  }

  @Test
  void writesAndDeletes_goStraightToTheStore() {
    Store store = new Store();
    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(store);
    prefetched.write("c", new byte[] {3});
    assertThat(store.saved).containsKey("c");
    prefetched.delete("c");
    assertThat(store.saved).isEmpty();
  }

  /** A real snapshot (of an empty index), told apart by the high-water mark it records. */
  private static byte[] snapshotOf(String id) throws Exception {
    try (SearchIndex index = new SearchIndex(Synonyms.bundled(), KEY)) {
      return index.snapshot("2026-11-01T00:00:00Z#" + id);
    }
  }

  @Test
  void withAnOpener_theNewestIsOpenedInTheBackground_andHandedOverWithoutASecondRead()
      throws Exception {
    Store store = new Store();
    store.write("a", snapshotOf("older"));
    store.write("b", snapshotOf("newest"));
    AtomicInteger opened = new AtomicInteger();
    Function<byte[], SearchIndex.Loaded> opener =
        bytes -> {
          opened.incrementAndGet();
          return SearchIndex.fromSnapshot(bytes, Synonyms.bundled(), KEY);
        };

    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(() -> store, opener);
    PrefetchedSnapshots.Opened newest = prefetched.newestOpened().orElseThrow();
    SearchIndex.Loaded again = prefetched.open("b", opener);

    assertThat(newest.key()).isEqualTo("b");
    assertThat(again).isSameAs(newest.loaded());
    assertThat(again.highWater()).isEqualTo("2026-11-01T00:00:00Z#newest");
    assertThat(opened).hasValue(1);
    assertThat(store.calls).containsExactly("list", "read b");
    // An older snapshot is read and opened as usual.
    assertThat(prefetched.open("a", opener).highWater()).endsWith("#older");
    assertThat(store.calls).containsExactly("list", "read b", "read a");
    newest.loaded().index().close();
  }

  @Test
  void aNewestSnapshotThatDoesNotOpen_isRefusedWithItsReason_withoutReadingItAgain() {
    Store store = new Store();
    store.write("a", new byte[] {1, 2, 3});
    Function<byte[], SearchIndex.Loaded> opener =
        bytes -> SearchIndex.fromSnapshot(bytes, Synonyms.bundled(), KEY);

    PrefetchedSnapshots prefetched = new PrefetchedSnapshots(() -> store, opener);

    assertThat(prefetched.newestOpened()).isEmpty();
    assertThatThrownBy(() -> prefetched.open("a", opener))
        .isInstanceOf(org.signpost.search.InvalidSnapshotException.class);
    assertThat(store.calls).containsExactly("list", "read a");
  }

  @Test
  void aStoreThatCannotBeReached_failsTheListing_withTheStoresOwnError() {
    PrefetchedSnapshots prefetched =
        new PrefetchedSnapshots(
            () -> {
              throw new IllegalStateException("no credentials for the snapshot bucket");
            },
            bytes -> {
              throw new AssertionError("nothing to open");
            });

    assertThat(prefetched.newestOpened()).isEmpty();
    assertThatThrownBy(prefetched::newestFirst).hasMessageContaining("no credentials");
  }

  private static final byte[] KEY =
      "prefetched-snapshots-test-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
}
