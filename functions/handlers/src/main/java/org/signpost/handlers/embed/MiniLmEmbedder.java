package org.signpost.handlers.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signpost.core.embed.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process sentence-embedding model: a quantised all-MiniLM-L6-v2 (384 dimensions) run by
 * ONNX Runtime, shipped inside its Maven artefact, so nothing is downloaded at run time. The model
 * loads on first use (about a second); if it cannot load, {@link #available()} turns false, a
 * warning is logged once and search carries on by keywords. Recent query embeddings are cached.
 *
 * <p>Thread-safe: loading is synchronised, the ONNX session is safe for concurrent runs and the
 * cache is guarded by its own lock.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

  /** The model and how its vectors are stored; stored vectors from another model are redone. */
  public static final String MODEL = "all-minilm-l6-v2-q/int8";

  public static final int DIMENSIONS = 384;
  static final int CACHE_SIZE = 2_000;

  private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();

  private final Object loadLock = new Object();
  private volatile EmbeddingModel model;
  private volatile String failure;
  private final Map<String, float[]> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** One model per JVM: it holds about 90 MB of native session memory. */
  public static MiniLmEmbedder shared() {
    return SHARED;
  }

  MiniLmEmbedder() {}

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public boolean available() {
    return load() != null;
  }

  @Override
  public boolean ready() {
    return model != null;
  }

  /** Starts loading the model on a background thread, so it loads while the index does. */
  public void loadInBackground() {
    if (model != null || failure != null) {
      return;
    }
    Thread loader = new Thread(this::load, "embedding-model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /** Why the model is unavailable, or null when it is loaded (or not yet tried). */
  public String failure() {
    return failure;
  }

  @Override
  public float[] embed(String text) {
    EmbeddingModel loaded = load();
    if (loaded == null) {
      throw new IllegalStateException("the embedding model is not available: " + failure);
    }
    String key = text.strip();
    synchronized (cache) {
      float[] hit = cache.get(key);
      if (hit != null) {
        return hit.clone();
      }
    }
    float[] vector = normalised(loaded.embed(key.isEmpty() ? " " : key).content().vector());
    synchronized (cache) {
      cache.put(key, vector);
    }
    return vector.clone();
  }

  private EmbeddingModel load() {
    EmbeddingModel loaded = model;
    if (loaded != null || failure != null) {
      return loaded;
    }
    synchronized (loadLock) {
      if (model != null || failure != null) {
        return model;
      }
      long started = System.nanoTime();
      try {
        // Lambda's home directory is read-only: the tokenizer's native library unpacks under
        // /tmp instead, and nothing may be fetched from the network.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
          System.setProperty(
              "DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        LOG.info("embedding model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException | LinkageError e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("embedding model failed to load; search is keyword only: {}", failure);
      }
      return model;
    }
  }

  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v.clone();
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
