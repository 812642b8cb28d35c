package org.signpost.core.referral;

import java.time.Instant;

/**
 * Port for per-client rate counters that protect the public form. They must be shared by every
 * execution environment, so they live in the store with a short time to live. Thread-safe.
 */
public interface RequestGuards {
  /**
   * Counts one more request for a client in the current window.
   *
   * @param clientHash a salted hash of the client address and window; the address is never stored
   * @param expires when the counter may be forgotten
   * @return the count including this request
   */
  long count(String clientHash, Instant expires);

  /** The current count of a key without adding to it; 0 when there is none. */
  long peek(String clientHash);
}
