package io.mcpplatform.core.search;

import java.util.Arrays;

/**
 * Posting values and sorted int-array operations on them. A value packs the document id (high
 * {@value #DOC_BITS} bits) with the term's frequency in each of the three field groups ({@value #TF_BITS}
 * bits each, capped at {@value #TF_MAX}); arrays are kept sorted by document id.
 *
 * <p>An instance is a growable list, used where few lists exist (tags, terms new in a write batch).
 */
final class Postings {

  static final int TF_BITS = 3;
  static final int TF_MAX = (1 << TF_BITS) - 1;
  static final int SHIFT = 3 * TF_BITS;
  static final int DOC_BITS = 32 - SHIFT;
  static final int MAX_DOCS = 1 << DOC_BITS;
  static final int[] NONE = new int[0];

  private int[] values = NONE;
  private int size;

  static int pack(int doc, int tf0, int tf1, int tf2) {
    return (doc << SHIFT) | (Math.min(tf0, TF_MAX) << (2 * TF_BITS)) | (Math.min(tf1, TF_MAX) << TF_BITS)
        | Math.min(tf2, TF_MAX);
  }

  static int doc(int value) {
    return value >>> SHIFT;
  }

  /** @return the position of the document in {@code values[0..size)}, or {@code -(insertion point) - 1} */
  static int find(int[] values, int size, int doc) {
    if (size > 0 && doc(values[size - 1]) < doc) {
      return -(size + 1);
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = doc(values[mid]);
      if (d < doc) {
        lo = mid + 1;
      } else if (d > doc) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Adds or replaces the value of its document.
   *
   * @return the array now holding the values, grown when full; the size grows by one unless replaced
   */
  static int[] put(int[] values, int size, int value) {
    int at = find(values, size, doc(value));
    if (at >= 0) {
      values[at] = value;
      return values;
    }
    int insert = -at - 1;
    int[] target = values;
    if (size == values.length) {
      int grown = size < 16 ? Math.max(2, size * 2) : size + (size >> 2);
      target = Arrays.copyOf(values, grown);
    }
    System.arraycopy(target, insert, target, insert + 1, size - insert);
    target[insert] = value;
    return target;
  }

  /** @return the array now holding the values after removing position {@code at}, shrunk when sparse */
  static int[] removeAt(int[] values, int size, int at) {
    System.arraycopy(values, at + 1, values, at, size - at - 1);
    int left = size - 1;
    if (left > 8 && left < values.length / 3) {
      return Arrays.copyOf(values, left + (left >> 2));
    }
    return values;
  }

  int size() {
    return size;
  }

  /** @return the backing array; only the first {@link #size()} values are meaningful */
  int[] values() {
    return values;
  }

  /** Adds or replaces the value of the value's document. */
  void put(int value) {
    boolean present = find(values, size, doc(value)) >= 0;
    values = put(values, size, value);
    if (!present) {
      size++;
    }
  }

  /** @return true when the document was present */
  boolean remove(int doc) {
    int at = find(values, size, doc);
    if (at < 0) {
      return false;
    }
    values = removeAt(values, size, at);
    size--;
    return true;
  }
}
