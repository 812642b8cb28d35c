package org.signpost.core.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A listing's stored embedding: the vector quantised to signed bytes, the model that made it and a
 * fingerprint of the text it was made from, so an unchanged listing is never embedded twice.
 *
 * <p>Quantisation scales each vector by its own largest component, so all 255 levels are used;
 * cosine similarity ignores the scale, so nothing else has to know it.
 *
 * @param model the {@link Embedder#model()} that made it
 * @param fingerprint {@link #fingerprint(String)} of the embedded text
 * @param vector the quantised vector
 */
public record Embedding(String model, String fingerprint, byte[] vector) {

  public Embedding {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(vector, "vector");
    if (vector.length == 0) {
      throw new IllegalArgumentException("an embedding needs at least one dimension");
    }
  }

  /** Signed-byte quantisation scaled by the largest absolute component. */
  public static byte[] quantise(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    byte[] out = new byte[values.length];
    if (max == 0) {
      return out;
    }
    float scale = 127f / max;
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) Math.round(values[i] * scale);
    }
    return out;
  }

  /** A short, stable digest of the text (SHA-256, first 16 hex digits). */
  public static String fingerprint(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  /** True if this embedding was made by {@code model} from exactly {@code text}. */
  public boolean matches(String currentModel, String text) {
    return model.equals(currentModel) && fingerprint.equals(fingerprint(text));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding e
        && model.equals(e.model)
        && fingerprint.equals(e.fingerprint)
        && java.util.Arrays.equals(vector, e.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, fingerprint, java.util.Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "Embedding[" + model + ", " + fingerprint + ", " + vector.length + " dims]";
  }
}
