package io.mcpplatform.embedded.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a section of the gazetteer file written by {@link SectionWriter}, checking every length
 * against what is left so that a damaged section gives an {@link IOException} rather than a wrong
 * array.
 */
final class SectionReader {

  private final ByteBuffer in;
  private final String name;

  /**
   * @param section the inflated section
   * @param name what the section holds, for error messages
   */
  SectionReader(byte[] section, String name) {
    this.in = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
    this.name = name;
  }

  int[] ints() throws IOException {
    int[] values = new int[count(Integer.BYTES)];
    in.asIntBuffer().get(values);
    in.position(in.position() + values.length * Integer.BYTES);
    return values;
  }

  short[] shorts() throws IOException {
    short[] values = new short[count(Short.BYTES)];
    in.asShortBuffer().get(values);
    in.position(in.position() + values.length * Short.BYTES);
    return values;
  }

  byte[] bytes() throws IOException {
    byte[] values = new byte[count(1)];
    in.get(values);
    return values;
  }

  /**
   * Offsets written by {@link SectionWriter#offsets}: summed up from their one-byte steps.
   *
   * @return the offsets, starting at 0, one more than there are steps
   */
  int[] offsets() throws IOException {
    int steps = count(1);
    int[] offsets = new int[steps + 1];
    byte[] array = in.array();
    int at = in.position();
    for (int i = 0; i < steps; i++) {
      offsets[i + 1] = offsets[i] + (array[at + i] & 0xFF);
    }
    in.position(at + steps);
    return offsets;
  }

  /** A string table: its bytes, then each string's length. */
  Utf8Table strings() throws IOException {
    byte[] bytes = bytes();
    int[] offsets = offsets();
    try {
      return new Utf8Table(bytes, offsets);
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage());
    }
  }

  /**
   * @throws IOException when bytes are left over: the section is not what this version wrote
   */
  void end() throws IOException {
    if (in.hasRemaining()) {
      throw corrupt(in.remaining() + " unread bytes at its end");
    }
  }

  private int count(int width) throws IOException {
    if (in.remaining() < Integer.BYTES) {
      throw corrupt("it ends before an array's length");
    }
    int count = in.getInt();
    if (count < 0 || (long) count * width > in.remaining()) {
      throw corrupt(
          "an array of "
              + count
              + " entries does not fit in the "
              + in.remaining()
              + " bytes left");
    }
    return count;
  }

  private IOException corrupt(String why) {
    return new IOException(
        "gazetteer file is corrupt: the " + name + " section is damaged (" + why + ")");
  }
}
