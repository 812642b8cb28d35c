package org.signpost.handlers.notify;

import org.signpost.handlers.storage.OutboxItem;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends a notification as a plain-text email through Amazon SES. A thin adapter: recipients that
 * are not addresses ({@code admins}, {@code user:<sub>}) need a directory lookup this project does
 * not have yet, so they are refused and stay in the outbox. Thread-safe (the SES client is).
 */
public final class SesSender implements Sender {
  private final SesV2Client ses;
  private final String from;

  public SesSender(SesV2Client ses, String from) {
    this.ses = ses;
    this.from = from;
  }

  @Override
  public String send(OutboxItem n) {
    if (!n.getRecipient().contains("@")) {
      throw new IllegalArgumentException("recipient is not an email address: " + n.getKind());
    }
    var response =
        ses.sendEmail(
            r ->
                r.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(n.getRecipient()))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data(n.getSubject()).charset("UTF-8"))
                                        .body(
                                            b ->
                                                b.text(
                                                    t -> t.data(n.getBody()).charset("UTF-8"))))));
    return "ses:" + response.messageId();
  }
}
