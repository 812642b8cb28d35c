package org.signpost.handlers.hsds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens import files safely: refuses files above {@link #MAX_BYTES}, decodes strictly as UTF-8 (so
 * Latin-1 bytes are reported, not turned into replacement characters) and skips a leading BOM.
 */
final class Sources {
  /**
   * The largest file an import reads. CSV packages are joined in memory, so the limit keeps an
   * import within a small heap; the largest real package we know (Baltimore) is under 3 MB a file.
   */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private Sources() {}

  /** A file that cannot be read at all; the import reports it and goes on with other files. */
  static final class FileProblem extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    FileProblem(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  static Reader open(Path file) throws FileProblem, IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new FileProblem(
          0,
          "the file is "
              + size / (1024 * 1024)
              + " MB; imports take files up to "
              + MAX_BYTES / (1024 * 1024)
              + " MB (split it, or use ndjson in several files)");
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
    reader.mark(1);
    int first;
    try {
      first = reader.read();
    } catch (CharacterCodingException e) {
      reader.close();
      throw notUtf8(1);
    }
    if (first != 0xFEFF) {
      reader.reset();
    }
    return reader;
  }

  static FileProblem notUtf8(long line) {
    return new FileProblem(
        line,
        "the file is not UTF-8 text (an invalid byte near line "
            + line
            + "; often Latin-1 or Windows-1252): save it as UTF-8 and import again");
  }

  /** True if this failure, or one it wraps, is a decoding error. */
  static boolean isEncodingError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}
