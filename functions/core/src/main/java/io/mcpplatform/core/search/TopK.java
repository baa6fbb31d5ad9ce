package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;

/**
 * Keeps the best {@code k} documents by key (higher first, then name ascending) in a bounded binary
 * heap whose root is the worst document kept.
 */
final class TopK {

  private final double[] key;
  private final ServerEntry[] entries;
  private final int[] heap;
  private int size;

  /**
   * @param k how many documents to keep, at least 1
   * @param key each document's key, indexed by document id
   * @param entries each document's entry, for the name tie-break
   */
  TopK(int k, double[] key, ServerEntry[] entries) {
    this.key = key;
    this.entries = entries;
    this.heap = new int[k];
  }

  void offer(int doc) {
    if (size == heap.length && key[doc] < key[heap[0]]) {
      // ranks after the worst kept: the common case once the heap is full, decided without the tie-break
      return;
    }
    if (size < heap.length) {
      heap[size] = doc;
      siftUp(size++);
    } else if (better(doc, heap[0])) {
      heap[0] = doc;
      siftDown(0);
    }
  }

  /** @return the kept documents, best first; empties the heap */
  int[] drainBestFirst() {
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heap[0];
      heap[0] = heap[--size];
      siftDown(0);
    }
    return out;
  }

  /** @return true when {@code a} ranks before {@code b} */
  private boolean better(int a, int b) {
    int c = Double.compare(key[a], key[b]);
    if (c != 0) {
      return c > 0;
    }
    return entries[a].name().compareTo(entries[b].name()) < 0;
  }

  private void siftUp(int i) {
    int doc = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(heap[parent], doc)) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = doc;
  }

  private void siftDown(int i) {
    int doc = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && better(heap[child], heap[right])) {
        child = right;
      }
      if (!better(doc, heap[child])) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = doc;
  }
}
