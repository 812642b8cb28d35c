package org.signpost.devstore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node-based test server (dynalite or s3rver) started from the repository's pinned npm packages,
 * listening on a free loopback port. Installs the packages with {@code npm ci} when missing.
 */
public final class NodeServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private NodeServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code node script args...} and waits for its "LISTENING port" line. */
  public static NodeServer start(Path script, String... args) {
    Path root = repositoryRoot();
    ensureNodeModules(root);
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("LISTENING ")) {
        process.destroyForcibly();
        throw new IllegalStateException("node server did not start: " + line);
      }
      return new NodeServer(
          process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node (is Node 20+ installed?)", e);
    }
  }

  public int port() {
    return port;
  }

  /** Whether the node process is still running. */
  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * The repository root: the build passes it as signpost.root; otherwise walk up to package.json.
   */
  public static Path repositoryRoot() {
    String configured = System.getProperty("signpost.root");
    if (configured != null && Files.exists(Path.of(configured, "package.json"))) {
      return Path.of(configured).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("package-lock.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (package-lock.json)");
    }
    return dir;
  }

  static synchronized void ensureNodeModules(Path root) {
    if (Files.isDirectory(root.resolve("node_modules/dynalite"))) {
      return;
    }
    try {
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(root.toFile())
              .inheritIO()
              .start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm ci failed in " + root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run npm ci (is Node 20+ installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during npm ci", e);
    }
  }
}
