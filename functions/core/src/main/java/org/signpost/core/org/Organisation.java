package org.signpost.core.org;

import java.util.Objects;

/**
 * An HSDS organization that publishes listings.
 *
 * @param status pending until an admin approves, then approved (or suspended)
 * @param trusted when true its providers' edits publish without moderation
 */
public record Organisation(
    String id, String name, String description, String status, boolean trusted, long version) {
  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String SUSPENDED = "suspended";

  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }
}
