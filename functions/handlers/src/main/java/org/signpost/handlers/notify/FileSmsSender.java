package org.signpost.handlers.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signpost.handlers.storage.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for a text-message gateway: one file per message in the outbox directory (the
 * developer's "phone"). The log line names only the notification's id, kind and length, never the
 * number or the link. Thread-safe (each file has a unique name).
 */
public final class FileSmsSender implements Sender {
  private static final Logger LOG = LoggerFactory.getLogger(FileSmsSender.class);

  private final Path dir;

  public FileSmsSender(Path dir) {
    this.dir = dir;
  }

  @Override
  public boolean accepts(OutboxItem n) {
    return n.textMessage();
  }

  @Override
  public String send(OutboxItem n) throws IOException {
    Files.createDirectories(dir);
    String name =
        n.getCreatedAt().replace(":", "").replace(".", "")
            + "-sms-"
            + n.getKind()
            + "-"
            + n.getId()
            + ".txt";
    Path file = dir.resolve(name);
    Files.writeString(
        file, "SMS to: " + n.getRecipient() + "\n\n" + n.getBody() + "\n", StandardCharsets.UTF_8);
    LOG.info(
        "text message {} ({}) recorded, {} characters",
        n.getId(),
        n.getKind(),
        n.getBody().length());
    return file.toString();
  }
}
