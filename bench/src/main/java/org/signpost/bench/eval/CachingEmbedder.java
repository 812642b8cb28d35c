package org.signpost.bench.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.core.embed.Embedder;
import org.signpost.core.embed.Embedding;

/**
 * An embedder that remembers its vectors in a file, so repeated evaluation runs over the same
 * listings do not pay about 30 ms per listing again. The cache is keyed by model and text
 * fingerprint, so edited listings and another model simply miss. Thread-safe.
 */
final class CachingEmbedder implements Embedder {
  private final Embedder model;
  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private volatile boolean dirty;

  CachingEmbedder(Embedder model, Path file) {
    this.model = model;
    this.file = file;
    load();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public boolean available() {
    return model.available();
  }

  @Override
  public float[] embed(String text) {
    String key = model.model() + "|" + Embedding.fingerprint(text);
    float[] cached = vectors.get(key);
    if (cached != null) {
      return cached.clone();
    }
    float[] vector = model.embed(text);
    vectors.put(key, vector.clone());
    dirty = true;
    return vector;
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String key = in.readUTF();
        float[] v = new float[in.readInt()];
        for (int j = 0; j < v.length; j++) {
          v[j] = in.readFloat();
        }
        vectors.put(key, v);
      }
    } catch (IOException e) {
      // A damaged cache only costs time: start again.
      vectors.clear();
    }
  }

  /** Writes new vectors back; a failure to write only costs time next run. */
  void save() {
    if (!dirty) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(vectors.size());
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float f : e.getValue()) {
            out.writeFloat(f);
          }
        }
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      dirty = false;
    } catch (IOException e) {
      System.err.println("eval: could not save the embedding cache: " + e.getMessage());
    }
  }
}
