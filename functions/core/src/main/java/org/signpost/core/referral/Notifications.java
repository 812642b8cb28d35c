package org.signpost.core.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * Port to the outbox: notifications waiting to be sent. Texts carry references and links, never the
 * person's details, so an email in the wrong inbox leaks nothing. Thread-safe.
 */
public interface Notifications {
  /**
   * One message to send.
   *
   * @param kind {@code new_referral}, {@code status_changed} or {@code reminder}
   * @param recipient an email address
   */
  record Notification(
      String id,
      String kind,
      String recipient,
      String referralId,
      String subject,
      String body,
      Instant createdAt) {
    public Notification {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(recipient, "recipient");
    }
  }

  void add(Notification notification);
}
