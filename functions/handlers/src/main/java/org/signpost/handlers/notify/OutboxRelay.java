package org.signpost.handlers.notify;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.signpost.handlers.storage.DynamoReferralRepository;
import org.signpost.handlers.storage.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what waits in the outbox. Each notification is claimed by a conditional write before it is
 * sent, so two relays never send the same one; a failed send is released for the next run. Logs ids
 * and kinds only. Thread-safe.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final DynamoReferralRepository outbox;
  private final Sender sender;
  private final Clock clock;

  public OutboxRelay(DynamoReferralRepository outbox, Sender sender, Clock clock) {
    this.outbox = outbox;
    this.sender = sender;
    this.clock = clock;
  }

  /** Sends every unsent notification; returns where each went. */
  public List<String> sendPending() {
    List<String> delivered = new ArrayList<>();
    for (OutboxItem item : outbox.unsent()) {
      if (!sender.accepts(item) || !outbox.markSent(item, clock.instant())) {
        continue;
      }
      try {
        delivered.add(sender.send(item));
      } catch (IOException | RuntimeException e) {
        LOG.warn("notification {} ({}) not sent; will retry", item.getId(), item.getKind(), e);
        outbox.releaseSent(item);
      }
    }
    return delivered;
  }
}
