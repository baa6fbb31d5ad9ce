package io.mcpplatform.embedded.geo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a section of the gazetteer file: arrays in little-endian order, each preceded by its
 * length.
 */
final class SectionWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  void ints(int[] values) {
    ByteBuffer b = buffer(values.length, Integer.BYTES);
    b.asIntBuffer().put(values);
    out.writeBytes(b.array());
  }

  void shorts(short[] values) {
    ByteBuffer b = buffer(values.length, Short.BYTES);
    b.asShortBuffer().put(values);
    out.writeBytes(b.array());
  }

  void bytes(byte[] values) {
    ByteBuffer b = buffer(values.length, 1);
    b.put(values);
    out.writeBytes(b.array());
  }

  /** A string table: its bytes, then each string's length (see {@link #offsets}). */
  void strings(Utf8Table table) {
    bytes(table.bytes());
    offsets(table.offsets());
  }

  /**
   * Ascending offsets starting at 0, as the differences between neighbours, one unsigned byte each
   * (they compress to a fraction of the offsets and are summed up again in one pass when read).
   *
   * @throws IllegalArgumentException when a difference does not fit in a byte
   */
  void offsets(int[] offsets) {
    ByteBuffer b = buffer(offsets.length - 1, 1);
    for (int i = 1; i < offsets.length; i++) {
      int step = offsets[i] - offsets[i - 1];
      if (step < 0 || step > 255) {
        throw new IllegalArgumentException(
            "offset step " + step + " at " + i + " does not fit in a byte");
      }
      b.put((byte) step);
    }
    out.writeBytes(b.array());
  }

  /** A buffer holding the count, positioned where the values go (views start there). */
  private static ByteBuffer buffer(int count, int width) {
    ByteBuffer b =
        ByteBuffer.allocate(Integer.BYTES + count * width).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(count);
    return b;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
