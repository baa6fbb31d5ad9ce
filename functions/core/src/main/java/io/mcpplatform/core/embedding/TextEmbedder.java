package io.mcpplatform.core.embedding;

/**
 * Turns text into a sentence embedding: a unit-length vector whose dot product with another text's
 * vector says how close their meanings are.
 *
 * <p>Implementations are thread-safe. A vector is only comparable with vectors of the same {@link
 * #modelId()}.
 */
public interface TextEmbedder {

  /**
   * @return the model's id, stored with every vector so that vectors of another model are
   *     recognized
   */
  String modelId();

  /**
   * @return the number of components of each vector
   */
  int dimensions();

  /**
   * @param text any text; long texts are cut to the model's input length
   * @return a unit-length vector of {@link #dimensions()} components
   * @throws EmbeddingUnavailableException when the model could not be loaded
   */
  float[] embed(String text);
}
