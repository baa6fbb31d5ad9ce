package io.mcpplatform.embedded.geo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a section of the gazetteer file: arrays in little-endian order, each preceded by its length. */
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

  /** A string table: its bytes, then its offsets. */
  void strings(Utf8Table table) {
    bytes(table.bytes());
    ints(table.offsets());
  }

  /** A buffer holding the count, positioned where the values go (views start there). */
  private static ByteBuffer buffer(int count, int width) {
    ByteBuffer b = ByteBuffer.allocate(Integer.BYTES + count * width).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(count);
    return b;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
