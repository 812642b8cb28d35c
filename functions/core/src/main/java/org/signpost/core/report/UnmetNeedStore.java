package org.signpost.core.report;

import java.util.Map;

/** Where the unmet-need counters are kept: one counter per {@link UnmetNeed} cell. */
public interface UnmetNeedStore {
  /**
   * Adds to a cell's counter, creating it when missing. Atomic, so environments flushing at once
   * never lose a count.
   */
  void add(UnmetNeed cell, long count);

  /** Every cell and its count. */
  Map<UnmetNeed, Long> all();

  /** Keeps nothing, for handlers built without a store. */
  UnmetNeedStore NONE =
      new UnmetNeedStore() {
        @Override
        public void add(UnmetNeed cell, long count) {}

        @Override
        public Map<UnmetNeed, Long> all() {
          return Map.of();
        }
      };
}
