package org.signpost.handlers.notify;

import java.io.IOException;
import org.signpost.handlers.storage.OutboxItem;

/**
 * Delivers one notification: a file locally, SES in AWS; text messages a file locally and SNS in
 * AWS. Implementations are thread-safe.
 */
public interface Sender {
  /**
   * Delivers a notification.
   *
   * @return where it went, for the local runtime to print
   */
  String send(OutboxItem notification) throws IOException;

  /**
   * Whether this sender can deliver it; one it cannot stays in the outbox, unclaimed, for a sender
   * that can.
   */
  default boolean accepts(OutboxItem notification) {
    return true;
  }
}
