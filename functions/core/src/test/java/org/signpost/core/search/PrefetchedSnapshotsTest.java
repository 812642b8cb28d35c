package org.signpost.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
