package org.signpost.handlers.notify;

import java.io.IOException;
import java.util.Optional;
import org.signpost.handlers.storage.OutboxItem;

/**
 * Sends each notification by its channel: emails to the email sender, text messages to the SMS
 * sender. Without an SMS sender, text messages are not accepted and wait in the outbox (until its
 * TTL removes them). Thread-safe if its senders are.
 */
public final class ChannelSender implements Sender {
  private final Sender email;
  private final Optional<Sender> sms;

  /**
   * @param sms the text-message sender: {@link FileSmsSender} locally, {@link SnsSmsSender} in AWS
   */
  public ChannelSender(Sender email, Optional<Sender> sms) {
    this.email = email;
    this.sms = sms;
  }

  @Override
  public boolean accepts(OutboxItem n) {
    return n.textMessage() ? sms.isPresent() : email.accepts(n);
  }

  @Override
  public String send(OutboxItem n) throws IOException {
    if (n.textMessage()) {
      return sms.orElseThrow(() -> new IllegalStateException("no SMS sender is configured"))
          .send(n);
    }
    return email.send(n);
  }
}
