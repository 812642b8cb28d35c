package org.signpost.handlers.notify;

import java.io.IOException;
import org.signpost.handlers.storage.OutboxItem;

/** Delivers one notification: a file locally, SES in AWS. Implementations are thread-safe. */
public interface Sender {
  /**
   * Delivers a notification.
   *
   * @return where it went, for the local runtime to print
   */
  String send(OutboxItem notification) throws IOException;
}
