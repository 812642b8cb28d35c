package org.signpost.core.embed;

/**
 * Port to a sentence-embedding model: text in, a unit-length vector out. Implementations are
 * thread-safe. A model that failed to load reports {@link #available()} false; search then runs on
 * keywords alone and listings are stored without vectors.
 */
public interface Embedder {

  /** No model: every listing is stored without a vector and search is keyword only. */
  Embedder NONE =
      new Embedder() {
        @Override
        public String model() {
          return "";
        }

        @Override
        public boolean available() {
          return false;
        }

        @Override
        public float[] embed(String text) {
          throw new IllegalStateException("no embedding model is loaded");
        }
      };

  /** Names the model and how its vectors are stored, so a change of model can be detected. */
  String model();

  /** False when the model could not be loaded; may wait for it to load. */
  boolean available();

  /**
   * True once the model is loaded, without waiting: a search environment answers by keywords alone
   * while its model is still loading rather than keep the first searcher waiting.
   */
  default boolean ready() {
    return available();
  }

  /**
   * The unit-length embedding of the text.
   *
   * @throws IllegalStateException if the model is not available
   */
  float[] embed(String text);
}
