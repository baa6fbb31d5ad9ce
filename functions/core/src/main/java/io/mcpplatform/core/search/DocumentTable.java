package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.Arrays;

/**
 * Per-document columns of the index, by document id: the entry, filter flags, update time and field
 * lengths, with the collection statistics BM25F needs. Ids of removed documents are reused. Not
 * thread-safe: the index locks; {@link #norms()} may be called by concurrent readers.
 */
final class DocumentTable {

  static final float K1 = 1.2f;
  static final float B = 0.75f;
  static final float[] WEIGHTS = {SearchIndex.W_NAME, SearchIndex.W_LABEL, SearchIndex.W_TEXT};

  private ServerEntry[] entries = new ServerEntry[16];
  private byte[] flags = new byte[16];
  private long[] updated = new long[16];
  private char[][] lengths = new char[DocumentTerms.FIELDS][16];
  private final long[] lengthSums = new long[DocumentTerms.FIELDS];
  private int[] free = new int[16];
  private int freeCount;
  private int highWater;
  private int searchable;
  /** Field weight over length normalization, per document and field group; null when out of date. */
  private volatile float[] norms;

  /** @return a free document id */
  int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (highWater == Postings.MAX_DOCS) {
      throw new IllegalStateException("search index is full: " + Postings.MAX_DOCS + " entries");
    }
    if (highWater == entries.length) {
      int grown = Math.min(entries.length * 2, Postings.MAX_DOCS);
      entries = Arrays.copyOf(entries, grown);
      flags = Arrays.copyOf(flags, grown);
      updated = Arrays.copyOf(updated, grown);
      for (int f = 0; f < lengths.length; f++) {
        lengths[f] = Arrays.copyOf(lengths[f], grown);
      }
    }
    return highWater++;
  }

  /** Frees a document id whose statistics were already {@link #unset}. */
  void release(int doc) {
    entries[doc] = null;
    flags[doc] = 0;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = doc;
  }

  /** Stores an entry and, unless it is deleted, counts its field lengths. */
  void set(int doc, ServerEntry entry, DocumentTerms analyzed) {
    entries[doc] = entry;
    flags[doc] = analyzed.flags();
    updated[doc] = entry.updatedAt() == null ? Long.MIN_VALUE : entry.updatedAt().toEpochMilli();
    if (!analyzed.deleted()) {
      searchable++;
      for (int f = 0; f < DocumentTerms.FIELDS; f++) {
        int len = Math.min(analyzed.length(f), Character.MAX_VALUE);
        lengths[f][doc] = (char) len;
        lengthSums[f] += len;
      }
    }
    norms = null;
  }

  /** Takes the document's field lengths out of the statistics; the entry stays readable. */
  void unset(int doc) {
    if (deleted(doc)) {
      return;
    }
    searchable--;
    for (int f = 0; f < DocumentTerms.FIELDS; f++) {
      lengthSums[f] -= lengths[f][doc];
      lengths[f][doc] = 0;
    }
    norms = null;
  }

  boolean deleted(int doc) {
    return (flags[doc] & DocumentTerms.DELETED) != 0;
  }

  ServerEntry entry(int doc) {
    return entries[doc];
  }

  /** @return the entries by document id; the array is replaced when the table grows */
  ServerEntry[] entries() {
    return entries;
  }

  /** @return the filter flags by document id */
  byte[] flags() {
    return flags;
  }

  long updated(int doc) {
    return updated[doc];
  }

  /** @return one more than the highest document id ever handed out */
  int highWater() {
    return highWater;
  }

  int capacity() {
    return entries.length;
  }

  /** @return how many documents are searchable (held and not deleted) */
  int searchable() {
    return searchable;
  }

  /**
   * BM25F field factors: for document {@code d} and field group {@code f}, {@code norms[3 * d + f]} is
   * the field weight divided by {@code 1 - b + b * length / averageLength}. Computed on first use after a
   * change; safe to call from concurrent readers while no writer runs.
   *
   * @return the factors by document and field group
   */
  float[] norms() {
    float[] current = norms;
    if (current != null) {
      return current;
    }
    float[] fresh = new float[highWater * DocumentTerms.FIELDS];
    for (int f = 0; f < DocumentTerms.FIELDS; f++) {
      float invAvg = lengthSums[f] == 0 ? 1f : (float) ((double) searchable / lengthSums[f]);
      char[] len = lengths[f];
      for (int doc = 0; doc < highWater; doc++) {
        fresh[doc * DocumentTerms.FIELDS + f] = WEIGHTS[f] / (1 - B + B * len[doc] * invAvg);
      }
    }
    norms = fresh;
    return fresh;
  }
}
