package io.mcpplatform.core.search;

import java.util.Arrays;

/**
 * The documents holding one term, as a compact int array sorted by document id. Each value packs the
 * document id (high {@value #DOC_BITS} bits) with the term's frequency in each of the three field groups
 * ({@value #TF_BITS} bits each, capped at {@value #TF_MAX}).
 */
final class Postings {

  static final int TF_BITS = 3;
  static final int TF_MAX = (1 << TF_BITS) - 1;
  static final int SHIFT = 3 * TF_BITS;
  static final int DOC_BITS = 32 - SHIFT;
  static final int MAX_DOCS = 1 << DOC_BITS;

  private int[] values;
  private int size;

  Postings() {
    values = new int[1];
  }

  static int pack(int doc, int tf0, int tf1, int tf2) {
    return (doc << SHIFT) | (Math.min(tf0, TF_MAX) << (2 * TF_BITS)) | (Math.min(tf1, TF_MAX) << TF_BITS)
        | Math.min(tf2, TF_MAX);
  }

  static int doc(int value) {
    return value >>> SHIFT;
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
    int doc = doc(value);
    if (size == 0 || doc(values[size - 1]) < doc) {
      ensureRoom();
      values[size++] = value;
      return;
    }
    int at = find(doc);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    int insert = -at - 1;
    ensureRoom();
    System.arraycopy(values, insert, values, insert + 1, size - insert);
    values[insert] = value;
    size++;
  }

  /** @return true when the document was present */
  boolean remove(int doc) {
    int at = find(doc);
    if (at < 0) {
      return false;
    }
    System.arraycopy(values, at + 1, values, at, size - at - 1);
    size--;
    if (size > 8 && size < values.length / 4) {
      values = Arrays.copyOf(values, size * 2);
    }
    return true;
  }

  /** Shrinks the backing array to the values held. */
  void trim() {
    if (values.length > size) {
      values = Arrays.copyOf(values, Math.max(size, 1));
    }
  }

  private int find(int doc) {
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

  private void ensureRoom() {
    if (size == values.length) {
      int grown = size < 16 ? size * 2 : size + (size >> 1);
      values = Arrays.copyOf(values, grown);
    }
  }
}
