package org.signpost.handlers.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signpost.handlers.storage.OutboxItem;

/**
 * The local stand-in for email: one text file per notification in the outbox directory, which
 * {@code ./signpost run} prints as they appear. Thread-safe (each file has a unique name).
 */
public final class FileSender implements Sender {
  private final Path dir;
  private final String from;

  public FileSender(Path dir, String from) {
    this.dir = dir;
    this.from = from;
  }

  @Override
  public String send(OutboxItem n) throws IOException {
    Files.createDirectories(dir);
    String name =
        n.getCreatedAt().replace(":", "").replace(".", "")
            + "-"
            + n.getKind()
            + "-"
            + n.getId()
            + ".txt";
    Path file = dir.resolve(name);
    String text =
        "From: "
            + from
            + "\nTo: "
            + n.getRecipient()
            + "\nSubject: "
            + n.getSubject()
            + "\n\n"
            + n.getBody()
            + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }
}
