package io.mcpplatform.embedded.geo;

import java.nio.charset.StandardCharsets;

/**
 * Finds places by folded name: an open-addressing hash table over every key of every place for exact
 * matches, and the places sorted by their primary key for prefix matches. Built once from the file's key
 * bytes without copying them; immutable afterwards, so safe to share between threads.
 */
final class NameIndex {

  /** Receives one match. */
  interface Sink {
    /**
     * @param place the place index
     * @param kind {@link GazetteerData#KIND_PRIMARY}, {@link GazetteerData#KIND_ALTERNATE}, or 0 for a prefix
     */
    void accept(int place, int kind);
  }

  private final byte[] keys;
  private final int[] entryOffset;
  private final short[] entryLength;
  private final int[] entryPlace;
  private final byte[] entryKind;
  private final int[] entryHash;
  /** For each entry, 1 + the next entry with the same key, or 0: the table holds each key once. */
  private final int[] entryNext;
  private final int[] table;
  private final int mask;
  private final int[] primaryOffset;
  private final short[] primaryLength;
  private final int[] primaryOrder;

  /**
   * @param keys the key bytes (see {@link GazetteerData#keys()})
   * @param placeCount how many places the keys describe
   * @param primaryOrder places sorted by primary key
   * @param entries how many keys there are, or -1 to count them
   */
  NameIndex(byte[] keys, int placeCount, int[] primaryOrder, int entries) {
    this.keys = keys;
    this.primaryOrder = primaryOrder;
    if (entries < 0) {
      entries = 0;
      for (byte b : keys) {
        if (b == GazetteerData.KIND_PRIMARY || b == GazetteerData.KIND_ALTERNATE) {
          entries++;
        }
      }
    }
    entryOffset = new int[entries];
    entryLength = new short[entries];
    entryPlace = new int[entries];
    entryKind = new byte[entries];
    entryHash = new int[entries];
    entryNext = new int[entries];
    primaryOffset = new int[placeCount];
    primaryLength = new short[placeCount];
    int capacity = Integer.highestOneBit(Math.max(16, entries + entries / 2 - 1)) << 1;
    table = new int[capacity];
    mask = capacity - 1;

    int place = 0;
    int entry = 0;
    int i = 0;
    boolean firstOfPlace = true;
    while (i < keys.length) {
      if (keys[i] == 0) {
        place++;
        firstOfPlace = true;
        i++;
        continue;
      }
      int end = keyEnd(keys, i + 1);
      add(entry++, i, end, place, firstOfPlace);
      firstOfPlace = false;
      i = end;
    }
  }

  private static int keyEnd(byte[] keys, int start) {
    int end = start;
    while (end < keys.length && (keys[end] > 2 || keys[end] < 0)) {
      end++;
    }
    return end;
  }

  private void add(int entry, int kindAt, int end, int place, boolean primary) {
    int start = kindAt + 1;
    int hash = hash(keys, start, end);
    entryOffset[entry] = start;
    entryLength[entry] = (short) (end - start);
    entryPlace[entry] = place;
    entryKind[entry] = keys[kindAt];
    entryHash[entry] = hash;
    int slot = hash & mask;
    int existing;
    while ((existing = table[slot]) != 0) {
      int e = existing - 1;
      if (entryHash[e] == hash && sameKey(entryOffset[e], entryLength[e], start, end - start)) {
        entryNext[entry] = existing;
        break;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
    if (primary) {
      primaryOffset[place] = start;
      primaryLength[place] = (short) (end - start);
    }
  }

  /** @return how many keys are indexed */
  int keyCount() {
    return entryOffset.length;
  }

  /**
   * @param folded a folded name
   * @param sink receives every place with that key, with the key's kind
   */
  void exact(String folded, Sink sink) {
    byte[] q = folded.getBytes(StandardCharsets.UTF_8);
    int hash = hash(q, 0, q.length);
    int slot = hash & mask;
    int e;
    while ((e = table[slot]) != 0) {
      e--;
      if (entryHash[e] == hash && equal(q, entryOffset[e], entryLength[e])) {
        while (true) {
          sink.accept(entryPlace[e], entryKind[e]);
          if (entryNext[e] == 0) {
            return;
          }
          e = entryNext[e] - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * @param folded the start of a folded name
   * @param limit how many places to report at most
   * @param sink receives places whose primary name starts with {@code folded}, kind 0
   */
  void prefix(String folded, int limit, Sink sink) {
    byte[] q = folded.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = primaryOrder.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (comparePrefix(primaryOrder[mid], q) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo, seen = 0; i < primaryOrder.length && seen < limit; i++, seen++) {
      int place = primaryOrder[i];
      if (comparePrefix(place, q) != 0) {
        return;
      }
      sink.accept(place, 0);
    }
  }

  /** Compares the first {@code q.length} bytes of a place's primary key with q, unsigned. */
  private int comparePrefix(int place, byte[] q) {
    int off = primaryOffset[place];
    int len = primaryLength[place];
    for (int k = 0; k < q.length; k++) {
      if (k >= len) {
        return -1;
      }
      int c = Integer.compare(keys[off + k] & 0xFF, q[k] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private boolean sameKey(int offA, int lenA, int offB, int lenB) {
    if (lenA != lenB) {
      return false;
    }
    for (int k = 0; k < lenA; k++) {
      if (keys[offA + k] != keys[offB + k]) {
        return false;
      }
    }
    return true;
  }

  private boolean equal(byte[] q, int off, int len) {
    if (q.length != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (keys[off + k] != q[k]) {
        return false;
      }
    }
    return true;
  }

  static int hash(byte[] bytes, int from, int to) {
    int h = 0x811C9DC5;
    for (int i = from; i < to; i++) {
      h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
