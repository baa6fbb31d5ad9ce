package io.mcpplatform.embedded.geo;

import java.nio.charset.StandardCharsets;

/**
 * Finds places by folded name: every key of every place in a sorted {@link KeyTable} for exact
 * matches, and the places sorted by their primary key for prefix matches. Everything is precomputed
 * by the builder and read from the file as it is; immutable, so safe to share between threads.
 */
final class NameIndex {

  /** Receives one match. */
  interface Sink {
    /**
     * @param place the place index
     * @param kind {@link #KIND_PRIMARY}, {@link #KIND_ALTERNATE}, or 0 for a prefix
     */
    void accept(int place, int kind);
  }

  /** Kind of a place's own name (and its ASCII spelling). */
  static final int KIND_PRIMARY = 1;

  /** Kind of an alternate name. */
  static final int KIND_ALTERNATE = 2;

  private final KeyTable keys;
  private final int[] primaryKey;
  private final int[] primaryOrder;

  /**
   * @param keys every folded name, each with the places it names as {@link #entry} values, highest
   *     place index first
   * @param primaryKey for each place, the index in {@code keys} of its primary name
   * @param primaryOrder place indices sorted by the bytes of their primary name, then by
   *     population, largest first
   * @throws IllegalArgumentException when the arrays disagree on the number of places
   */
  NameIndex(KeyTable keys, int[] primaryKey, int[] primaryOrder) {
    if (primaryKey.length != primaryOrder.length) {
      throw new IllegalArgumentException(
          "name index covers " + primaryKey.length + " and " + primaryOrder.length + " places");
    }
    this.keys = keys;
    this.primaryKey = primaryKey;
    this.primaryOrder = primaryOrder;
  }

  /**
   * @return the value that stands for a place under one of its names
   */
  static int entry(int place, int kind) {
    return place << 1 | (kind == KIND_ALTERNATE ? 1 : 0);
  }

  /**
   * @return how many (name, place) pairs are indexed
   */
  int keyCount() {
    return keys.valueCount();
  }

  /**
   * @param folded a folded name
   * @param sink receives every place with that key, with the key's kind
   */
  void exact(String folded, Sink sink) {
    int key = keys.find(folded.getBytes(StandardCharsets.UTF_8));
    if (key < 0) {
      return;
    }
    for (int i = keys.from(key), end = keys.to(key); i < end; i++) {
      int v = keys.value(i);
      sink.accept(v >>> 1, (v & 1) == 0 ? KIND_PRIMARY : KIND_ALTERNATE);
    }
  }

  /**
   * @param folded the start of a folded name
   * @param limit how many places to report at most
   * @param sink receives places whose primary name starts with {@code folded}, kind 0
   */
  void prefix(String folded, int limit, Sink sink) {
    byte[] q = folded.getBytes(StandardCharsets.UTF_8);
    Utf8Table names = keys.keys();
    int lo = 0;
    int hi = primaryOrder.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (names.compare(primaryKey[primaryOrder[mid]], q, true) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo, seen = 0; i < primaryOrder.length && seen < limit; i++, seen++) {
      int place = primaryOrder[i];
      if (names.compare(primaryKey[place], q, true) != 0) {
        return;
      }
      sink.accept(place, 0);
    }
  }

  KeyTable keys() {
    return keys;
  }

  int[] primaryKey() {
    return primaryKey;
  }

  int[] primaryOrder() {
    return primaryOrder;
  }
}
