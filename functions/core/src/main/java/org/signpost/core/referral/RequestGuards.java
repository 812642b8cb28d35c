package org.signpost.core.referral;

import java.time.Instant;

/**
 * Port for per-client rate counters that protect the public form. They must be shared by every
 * execution environment, so they live in the store with a short time to live. Thread-safe.
 */
public interface RequestGuards {
  /**
   * Admits one submission from a client if it is among the first {@code limit} distinct submissions
   * in the current window. A submission admitted before (an idempotent replay, even a concurrent
   * one) is admitted again without using the limit.
   *
   * @param clientHash a salted hash of the client address and window; the address is never stored
   * @param submission what makes two submissions the same, such as the referral id a key fixes
   * @param limit how many distinct submissions the window allows
   * @param expires when the counter may be forgotten
   * @return false when the window is full and this submission is new
   */
  boolean admit(String clientHash, String submission, int limit, Instant expires);

  /**
   * Marks a key, atomically across environments: true only for the first caller, until the mark
   * expires. Single-use links and once-per-stage reminders use it.
   */
  boolean once(String key, Instant expires);

  /** Whether a key has been marked by {@link #once} (and not yet forgotten). */
  boolean marked(String key);
}
