package io.mcpplatform.core.search;

import java.util.Arrays;

/**
 * Terms and their postings in parallel arrays indexed by term id: an open-addressing hash table of ids
 * for exact lookups, and the ids in term order for prefix ranges. A term held by one document keeps its
 * single posting inline, with no array.
 *
 * <p>A new term gets its id at once; {@link #flush()} merges the ids new since the last flush into the
 * term order, so a bulk load costs one merge per batch. A term whose last posting goes keeps its id as
 * an empty term until empty terms pile up, when every id is reassigned. Not thread-safe: the index locks.
 */
final class TermDictionary {

  private static final int COMPACT_MIN = 64;

  private String[] keys = new String[16];
  private int[] hashes = new int[16];
  /** Postings of each term; null when the term holds a single posting inline in {@link #meta}. */
  private int[][] lists = new int[16][];
  /** Size of each term's list, or the single posting itself when its list is null. */
  private int[] meta = new int[16];
  private int count;
  private int empties;
  /** Term id + 1 per slot, 0 for a free slot. */
  private int[] table = new int[32];
  /** Term ids in term order, the first {@link #orderedCount} of them. */
  private int[] ordered = new int[16];
  /** Per position in term order: the document frequency of a plain word, -1 for a compound identifier. */
  private int[] orderedDf = new int[16];
  private int orderedCount;
  /** Per term id: its position in term order. */
  private int[] positionOf = new int[16];
  /** Ids with a position whose frequency changed since the last flush, repeats allowed. */
  private int[] dirty = new int[16];
  private int dirtyCount;

  /** @return the id of the term, or -1 when absent */
  int find(String term) {
    int h = term.hashCode();
    int mask = table.length - 1;
    for (int i = spread(h) & mask; table[i] != 0; i = (i + 1) & mask) {
      int id = table[i] - 1;
      if (hashes[id] == h && keys[id].equals(term)) {
        return id;
      }
    }
    return -1;
  }

  /** @return the first position in term order whose term is not before {@code prefix} */
  int lowerBound(String prefix) {
    return lowerBound(prefix, orderedCount);
  }

  private int lowerBound(String prefix, int limit) {
    int lo = 0;
    int hi = limit - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[ordered[mid]].compareTo(prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** @return the first position in term order after every term that starts with {@code prefix} */
  int prefixEnd(String prefix) {
    int lo = 0;
    int hi = orderedCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String key = keys[ordered[mid]];
      if (key.startsWith(prefix) || key.compareTo(prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * @param position a position in term order
   * @return the document frequency of the term there when it is a plain word (letters and digits), else
   *     -1: compound identifiers are not prefix expansions, their parts are indexed too
   */
  int expansionFrequency(int position) {
    return orderedDf[position];
  }

  /** @return the id of the term at a position in term order */
  int idAt(int position) {
    return ordered[position];
  }

  int size(int id) {
    return lists[id] == null ? 1 : meta[id];
  }

  /** @return the term's postings; only the first {@link #size(int)} values are meaningful */
  int[] postings(int id) {
    return lists[id] == null ? new int[] {meta[id]} : lists[id];
  }

  /** Adds or replaces the posting of the value's document under the term. */
  void put(String term, int value) {
    int id = find(term);
    if (id < 0) {
      add(term, value);
      return;
    }
    touch(id);
    int[] list = lists[id];
    if (list == null) {
      int single = meta[id];
      if (Postings.doc(single) == Postings.doc(value)) {
        meta[id] = value;
      } else {
        lists[id] = Postings.doc(single) < Postings.doc(value) ? new int[] {single, value}
            : new int[] {value, single};
        meta[id] = 2;
      }
    } else if (meta[id] == 0) {
      lists[id] = null;
      meta[id] = value;
      empties--;
    } else {
      int size = meta[id];
      boolean present = Postings.find(list, size, Postings.doc(value)) >= 0;
      lists[id] = Postings.put(list, size, value);
      meta[id] = present ? size : size + 1;
    }
  }

  /** Removes the document's posting under the term, if any. */
  void remove(String term, int doc) {
    int id = find(term);
    if (id < 0) {
      return;
    }
    touch(id);
    int[] list = lists[id];
    if (list == null) {
      if (Postings.doc(meta[id]) == doc) {
        lists[id] = Postings.NONE;
        meta[id] = 0;
        empties++;
      }
      return;
    }
    int size = meta[id];
    int at = Postings.find(list, size, doc);
    if (at < 0) {
      return;
    }
    if (size == 1) {
      lists[id] = Postings.NONE;
      meta[id] = 0;
      empties++;
    } else if (size == 2) {
      lists[id] = null;
      meta[id] = list[1 - at];
    } else {
      lists[id] = Postings.removeAt(list, size, at);
      meta[id] = size - 1;
    }
  }

  /** Brings the term order up to date with new terms; reassigns ids when empty terms have piled up. */
  void flush() {
    for (int i = 0; i < dirtyCount; i++) {
      int id = dirty[i];
      int pos = positionOf[id];
      if (orderedDf[pos] >= 0) {
        orderedDf[pos] = size(id);
      }
    }
    dirtyCount = 0;
    if (orderedCount < count) {
      mergeOrder();
    }
    if (empties > COMPACT_MIN && empties > count / 4) {
      compact();
    }
  }

  /** Merges the ids new since the last flush into the term order. */
  private void mergeOrder() {
    Integer[] fresh = new Integer[count - orderedCount];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = orderedCount + i;
    }
    Arrays.sort(fresh, (a, b) -> keys[a].compareTo(keys[b]));
    if (ordered.length < count) {
      ordered = Arrays.copyOf(ordered, keys.length);
      orderedDf = Arrays.copyOf(orderedDf, keys.length);
      positionOf = Arrays.copyOf(positionOf, keys.length);
    }
    // merge from the back: each old position moves at most once, in runs, by array copy
    int src = orderedCount;
    int dst = count;
    for (int f = fresh.length - 1; f >= 0; f--) {
      int id = fresh[f];
      int pos = lowerBound(keys[id], src);
      int run = src - pos;
      dst -= run;
      System.arraycopy(ordered, pos, ordered, dst, run);
      System.arraycopy(orderedDf, pos, orderedDf, dst, run);
      src = pos;
      ordered[--dst] = id;
      orderedDf[dst] = isPlain(keys[id]) ? size(id) : -1;
    }
    orderedCount = count;
    for (int p = 0; p < orderedCount; p++) {
      positionOf[ordered[p]] = p;
    }
  }

  /** Shrinks every array to what it holds, after a bulk load. */
  void trim() {
    flush();
    for (int id = 0; id < count; id++) {
      int[] list = lists[id];
      if (list != null && list.length > meta[id]) {
        lists[id] = meta[id] == 0 ? Postings.NONE : Arrays.copyOf(list, meta[id]);
      }
    }
    int capacity = count + (count >> 4) + 16;
    if (keys.length > capacity) {
      keys = Arrays.copyOf(keys, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      lists = Arrays.copyOf(lists, capacity);
      meta = Arrays.copyOf(meta, capacity);
      ordered = Arrays.copyOf(ordered, capacity);
      orderedDf = Arrays.copyOf(orderedDf, capacity);
      positionOf = Arrays.copyOf(positionOf, capacity);
    }
    if (dirty.length > 1024) {
      dirty = new int[16];
    }
  }

  private void touch(int id) {
    if (id < orderedCount) {
      if (dirtyCount == dirty.length) {
        dirty = Arrays.copyOf(dirty, dirtyCount * 2);
      }
      dirty[dirtyCount++] = id;
    }
  }

  private static boolean isPlain(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (!Character.isLetterOrDigit(term.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void add(String term, int value) {
    if (count == keys.length) {
      int grown = count + (count >> 1) + 1;
      keys = Arrays.copyOf(keys, grown);
      hashes = Arrays.copyOf(hashes, grown);
      lists = Arrays.copyOf(lists, grown);
      meta = Arrays.copyOf(meta, grown);
    }
    int id = count++;
    keys[id] = term;
    hashes[id] = term.hashCode();
    lists[id] = null;
    meta[id] = value;
    if (count * 4 > table.length * 3) {
      rehash(table.length * 2);
    } else {
      insert(table, id);
    }
  }

  /** Drops empty terms and renumbers the rest in term order. */
  private void compact() {
    int live = count - empties;
    int capacity = live + (live >> 2) + 16;
    String[] newKeys = new String[capacity];
    int[] newHashes = new int[capacity];
    int[][] newLists = new int[capacity][];
    int[] newMeta = new int[capacity];
    int[] newDf = new int[capacity];
    int n = 0;
    for (int p = 0; p < orderedCount; p++) {
      int id = ordered[p];
      if (lists[id] == null || meta[id] > 0) {
        newDf[n] = orderedDf[p];
        newKeys[n] = keys[id];
        newHashes[n] = hashes[id];
        newLists[n] = lists[id];
        newMeta[n] = meta[id];
        n++;
      }
    }
    keys = newKeys;
    hashes = newHashes;
    lists = newLists;
    meta = newMeta;
    count = n;
    empties = 0;
    ordered = new int[capacity];
    positionOf = new int[capacity];
    for (int i = 0; i < n; i++) {
      ordered[i] = i;
      positionOf[i] = i;
    }
    orderedDf = newDf;
    orderedCount = n;
    int size = 32;
    while (size * 3 < n * 4) {
      size *= 2;
    }
    rehash(size);
  }

  private void rehash(int size) {
    table = new int[size];
    for (int id = 0; id < count; id++) {
      insert(table, id);
    }
  }

  private void insert(int[] into, int id) {
    int mask = into.length - 1;
    int i = spread(hashes[id]) & mask;
    while (into[i] != 0) {
      i = (i + 1) & mask;
    }
    into[i] = id + 1;
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
