package io.mcpplatform.embedded.geo;

/**
 * Sorted unique keys (UTF-8, unsigned byte order), each with a run of int values: an exact lookup
 * is a binary search, with nothing to build at load. Immutable; safe to share between threads.
 */
final class KeyTable {

  private final Utf8Table keys;
  private final int[] valueStart;
  private final int[] values;

  /**
   * @param keys the keys, sorted and unique
   * @param valueStart where each key's values start in {@code values}, then {@code values.length}
   * @param values the values of all keys, key by key
   * @throws IllegalArgumentException when the value offsets do not frame the values
   */
  KeyTable(Utf8Table keys, int[] valueStart, int[] values) {
    if (valueStart.length != keys.size() + 1
        || valueStart[0] != 0
        || valueStart[keys.size()] != values.length) {
      throw new IllegalArgumentException(
          "key values do not frame their " + values.length + " entries");
    }
    this.keys = keys;
    this.valueStart = valueStart;
    this.values = values;
  }

  /**
   * @return the key's index, or -1 when it is not in the table
   */
  int find(byte[] key) {
    int lo = 0;
    int hi = keys.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = keys.compare(mid, key, false);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * @return how many keys there are
   */
  int size() {
    return keys.size();
  }

  /**
   * @return how many values there are over all keys
   */
  int valueCount() {
    return values.length;
  }

  /**
   * @return the position of the key's first value (see {@link #value})
   */
  int from(int key) {
    return valueStart[key];
  }

  /**
   * @return the position after the key's last value
   */
  int to(int key) {
    return valueStart[key + 1];
  }

  /**
   * @return the value at a position
   */
  int value(int position) {
    return values[position];
  }

  Utf8Table keys() {
    return keys;
  }

  int[] valueStart() {
    return valueStart;
  }

  int[] values() {
    return values;
  }
}
