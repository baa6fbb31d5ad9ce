package io.mcpplatform.core.search;

/**
 * Per-thread working memory of a search, sized to the index's document capacity. Between searches
 * {@link #score}, {@link #best} and {@link #matched} are zero for every document: a search resets what it
 * touched, so nothing is cleared wholesale.
 */
final class Scratch {

  /** Accumulated score per document; zero means not matched yet. */
  double[] score = new double[0];
  /** Best score per document within the current query word; zero means not matched by it yet. */
  float[] best = new float[0];
  /** How many counted query words matched, per document. */
  byte[] matched = new byte[0];
  /** Sort key per document for listings; only read for documents offered to the heap. */
  double[] listKey = new double[0];
  int[] touched = new int[0];
  int[] groupTouched = new int[0];

  void ensure(int capacity) {
    if (score.length < capacity) {
      score = new double[capacity];
      best = new float[capacity];
      matched = new byte[capacity];
      listKey = new double[capacity];
      touched = new int[capacity];
      groupTouched = new int[capacity];
    }
  }
}
