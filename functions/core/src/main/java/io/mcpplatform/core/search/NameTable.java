package io.mcpplatform.core.search;

import java.util.function.IntFunction;

/**
 * Entry name to document id, as an open-addressing table of ints (linear probing, backward-shift
 * deletion): no boxed keys or values. Names are read back through the index's entry array. Not
 * thread-safe: the index locks.
 */
final class NameTable {

  private final IntFunction<String> nameOf;
  /** Document id + 1 per slot, 0 for a free slot. */
  private int[] slots = new int[32];
  private int size;

  /** @param nameOf the name of a document id held in the table */
  NameTable(IntFunction<String> nameOf) {
    this.nameOf = nameOf;
  }

  int size() {
    return size;
  }

  /** @return the document id of the name, or -1 when absent */
  int get(String name) {
    int mask = slots.length - 1;
    for (int i = spread(name.hashCode()) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (nameOf.apply(slots[i] - 1).equals(name)) {
        return slots[i] - 1;
      }
    }
    return -1;
  }

  /** Adds a document whose name is not in the table yet; its name must already be readable. */
  void add(int doc) {
    if ((size + 1) * 4 > slots.length * 3) {
      resize(slots.length * 2);
    }
    insert(slots, doc);
    size++;
  }

  /** @return the removed document id, or -1 when the name was absent */
  int remove(String name) {
    int mask = slots.length - 1;
    int i = spread(name.hashCode()) & mask;
    while (slots[i] != 0 && !nameOf.apply(slots[i] - 1).equals(name)) {
      i = (i + 1) & mask;
    }
    if (slots[i] == 0) {
      return -1;
    }
    int doc = slots[i] - 1;
    slots[i] = 0;
    size--;
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = spread(nameOf.apply(slots[j] - 1).hashCode()) & mask;
      boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        slots[i] = slots[j];
        slots[j] = 0;
        i = j;
      }
    }
    return doc;
  }

  private void resize(int capacity) {
    int[] grown = new int[capacity];
    for (int s : slots) {
      if (s != 0) {
        insert(grown, s - 1);
      }
    }
    slots = grown;
  }

  private void insert(int[] table, int doc) {
    int mask = table.length - 1;
    int i = spread(nameOf.apply(doc).hashCode()) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = doc + 1;
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
