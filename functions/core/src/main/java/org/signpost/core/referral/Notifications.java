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
   * @param kind {@code new_referral}, {@code status_changed}, {@code reminder}, {@code check_in}…
   * @param recipient an email address, or for a text message a phone number in E.164 form
   * @param channel how it goes: email, or a text message
   */
  record Notification(
      String id,
      String kind,
      String recipient,
      String referralId,
      String subject,
      String body,
      Instant createdAt,
      Channel channel) {
    public Notification {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(recipient, "recipient");
      channel = channel == null ? Channel.EMAIL : channel;
    }

    /** An email. */
    public Notification(
        String id,
        String kind,
        String recipient,
        String referralId,
        String subject,
        String body,
        Instant createdAt) {
      this(id, kind, recipient, referralId, subject, body, createdAt, Channel.EMAIL);
    }

    /** Never print recipients or bodies, even by accident in a log line. */
    @Override
    public String toString() {
      return "Notification[" + id + ", " + kind + ", " + channel.code() + "]";
    }
  }

  /** How a notification is delivered. */
  enum Channel {
    EMAIL,
    SMS;

    /** The stored and wire name: {@code email} or {@code sms}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  void add(Notification notification);
}
