package io.mcpplatform.core.embedding;

import java.util.Base64;

/**
 * Compact encoding of embeddings: each component scaled by the vector's largest magnitude to a
 * signed byte (int8), base64 in text. 384 components take 512 characters instead of 1,536 float
 * bytes. Cosine similarity does not depend on a vector's length, so the int8 vector needs no scale
 * to be compared; the rounding changes a cosine by less than 0.01.
 *
 * <p>For search, vectors are brought to one common length ({@link #unitBytes}): then a dot product,
 * one multiply-add per component, orders them as the cosine does, which needs three.
 */
public final class VectorCodec {

  /**
   * The length of a vector after {@link #unitBytes}: room for a component of up to 0.42 of the
   * vector's length before it is clipped, and a rounding error of about 2% of that length.
   */
  public static final float UNIT_LENGTH = 300f;

  private VectorCodec() {}

  /**
   * @param vector int8 or float components of any length but zero
   * @return the int8 components of the same direction with length {@link #UNIT_LENGTH}, rounded,
   *     components beyond the int8 range clipped; all zero for a zero vector
   */
  public static byte[] unitBytes(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    byte[] out = new byte[vector.length];
    if (norm == 0) {
      return out;
    }
    double scale = UNIT_LENGTH / Math.sqrt(norm);
    for (int i = 0; i < vector.length; i++) {
      out[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * scale)));
    }
    return out;
  }

  /**
   * @param stored int8 components, as {@link #decode} returns them
   * @return {@link #unitBytes} of them
   */
  public static byte[] unitBytes(byte[] stored) {
    float[] f = new float[stored.length];
    for (int i = 0; i < stored.length; i++) {
      f[i] = stored[i];
    }
    return unitBytes(f);
  }

  /**
   * @param vector a vector
   * @return its int8 components
   */
  public static byte[] quantize(float[] vector) {
    float max = 0;
    for (float v : vector) {
      max = Math.max(max, Math.abs(v));
    }
    byte[] out = new byte[vector.length];
    if (max == 0) {
      return out;
    }
    float scale = 127f / max;
    for (int i = 0; i < vector.length; i++) {
      out[i] = (byte) Math.round(vector[i] * scale);
    }
    return out;
  }

  /**
   * @param vector a vector
   * @return its encoding
   */
  public static String encode(float[] vector) {
    return Base64.getEncoder().encodeToString(quantize(vector));
  }

  /**
   * @param encoded the result of {@link #encode}
   * @return the int8 components
   * @throws IllegalArgumentException when the text is not base64
   */
  public static byte[] decode(String encoded) {
    return Base64.getDecoder().decode(encoded);
  }

  /**
   * @param query a unit-length query vector
   * @param stored int8 components of a stored vector of the same length
   * @return their cosine similarity
   */
  public static float cosine(float[] query, byte[] stored) {
    float dot = 0;
    float norm = 0;
    int n = Math.min(query.length, stored.length);
    for (int i = 0; i < n; i++) {
      dot += query[i] * stored[i];
      norm += stored[i] * stored[i];
    }
    return norm == 0 ? 0 : (float) (dot / Math.sqrt(norm));
  }
}
