package io.mcpplatform.embedded.geo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * UTF-8 strings stored back to back in one byte array with their start offsets, decoded only when
 * one is asked for. Immutable; safe to share between threads.
 */
final class Utf8Table {

  private final byte[] bytes;
  private final int[] offsets;

  /**
   * @param bytes the strings' bytes, back to back
   * @param offsets where each string starts, then {@code bytes.length}: one more entry than strings
   * @throws IllegalArgumentException when the offsets do not frame the bytes
   */
  Utf8Table(byte[] bytes, int[] offsets) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != bytes.length) {
      throw new IllegalArgumentException(
          "string offsets do not frame their " + bytes.length + " bytes");
    }
    this.bytes = bytes;
    this.offsets = offsets;
  }

  /**
   * @return a table of the given strings, in that order
   */
  static Utf8Table of(List<String> strings) {
    byte[][] encoded = new byte[strings.size()][];
    int[] offsets = new int[strings.size() + 1];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
      offsets[i + 1] = offsets[i] + encoded[i].length;
    }
    byte[] bytes = new byte[offsets[encoded.length]];
    for (int i = 0; i < encoded.length; i++) {
      System.arraycopy(encoded[i], 0, bytes, offsets[i], encoded[i].length);
    }
    return new Utf8Table(bytes, offsets);
  }

  /**
   * @return how many strings there are
   */
  int size() {
    return offsets.length - 1;
  }

  /**
   * @return the i-th string
   */
  String get(int i) {
    return new String(bytes, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
  }

  /**
   * Compares the i-th string's bytes with {@code q}, unsigned; with {@code prefix}, only its first
   * {@code q.length} bytes (a string that starts with q compares equal).
   */
  int compare(int i, byte[] q, boolean prefix) {
    int from = offsets[i];
    int to = offsets[i + 1];
    if (prefix && to - from > q.length) {
      to = from + q.length;
    }
    return Arrays.compareUnsigned(bytes, from, to, q, 0, q.length);
  }

  byte[] bytes() {
    return bytes;
  }

  int[] offsets() {
    return offsets;
  }
}
