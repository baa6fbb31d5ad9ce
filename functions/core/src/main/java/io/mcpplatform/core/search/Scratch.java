package io.mcpplatform.core.search;

import java.util.Arrays;

/**
 * Per-thread working memory of a search, sized to the index's document capacity. Stamps mark which
 * slots belong to the current query or term group, so nothing is cleared between searches.
 */
final class Scratch {

  double[] score = new double[0];
  float[] best = new float[0];
  int[] seen = new int[0];
  int[] groupSeen = new int[0];
  byte[] matched = new byte[0];
  int[] touched = new int[0];
  int[] groupTouched = new int[0];
  private int stamp;

  void ensure(int capacity) {
    if (score.length < capacity) {
      score = new double[capacity];
      best = new float[capacity];
      seen = new int[capacity];
      groupSeen = new int[capacity];
      matched = new byte[capacity];
      touched = new int[capacity];
      groupTouched = new int[capacity];
      stamp = 0;
    }
  }

  /** @return a stamp never handed out since the stamp arrays were last cleared */
  int nextStamp() {
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      Arrays.fill(groupSeen, 0);
      stamp = 0;
    }
    return ++stamp;
  }
}
