package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.embedding.TextVector;
import io.mcpplatform.core.embedding.VectorCodec;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries' stored vectors in memory, searched exactly, without a graph: each vector is kept at
 * one common length ({@link VectorCodec#unitBytes}, int8) and as the signs of its components (one
 * bit each, 48 bytes for 384 components). A search counts differing bits (Hamming distance, a few
 * instructions per vector) over every vector, keeps the {@link #oversampling} x k closest and
 * orders those by their int8 dot product, the cosine up to rounding. Nothing is built when vectors
 * arrive, so filling the table at a cold start costs only the copy; a graph index (HNSW) would need
 * about 2 CPU-minutes for 10,000 entries on two cores and still walk thousands of vectors per query
 * on Java 17's scalar arithmetic (BENCHMARKS.md compares both).
 *
 * <p>One writer at a time (the caller serializes writes), any number of concurrent readers: rows
 * are appended past the count readers see and published by a volatile write; a replaced entry's
 * rows are marked dead and reclaimed by a compaction into fresh arrays once they are as many as the
 * live ones.
 */
final class VectorTable {

  /** How many candidates per wanted vector the bit comparison keeps for the exact order. */
  static final int OVERSAMPLING = 16;

  /** A distance no row has: the row is dead or filtered out. */
  private static final short NONE = Short.MAX_VALUE;

  /** Per-thread room for one distance per row, reused by the searches of a thread. */
  private static final ThreadLocal<short[]> SCRATCH = ThreadLocal.withInitial(() -> new short[0]);

  private final int dimensions;
  private final int words;
  private final int oversampling;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private volatile Rows rows;
  private int dead;

  /**
   * One entry's vectors and what the registration filters read, shared by its rows.
   *
   * @param entry the entry as last written; health changes replace it without touching the rows
   */
  static final class Slot {
    volatile ServerEntry entry;
    final byte[][] units;
    final String[] sources;
    final Set<String> tagKeys;
    final Set<String> capabilityTypes;
    final long signature;
    int firstRow;

    private Slot(ServerEntry entry, byte[][] units, String[] sources) {
      this.entry = entry;
      this.units = units;
      this.sources = sources;
      this.tagKeys = Set.copyOf(entry.tags().stream().map(SearchFilter::tagKey).toList());
      this.capabilityTypes = Set.copyOf(EntryDocuments.capabilityTypes(entry));
      this.signature = SearchFilter.signature(tagKeys, capabilityTypes);
    }
  }

  /**
   * Rows in parallel arrays: row i is vector {@code which[i]} of {@code slots[i]} (null: dead);
   * {@code signatures[i]} and {@code health[i]} copy what the filters read from its entry, so that
   * a scan reads arrays in order instead of following references.
   */
  private record Rows(
      long[] bits, Slot[] slots, int[] which, long[] signatures, byte[] health, int count) {}

  /**
   * @param dimensions components per vector; vectors of another length are left out
   * @param oversampling how many rows per wanted vector the bit estimate keeps for the exact order
   *     ({@link #OVERSAMPLING}; a very large number orders every row exactly)
   */
  VectorTable(int dimensions, int oversampling) {
    if (oversampling < 1) {
      throw new IllegalArgumentException("oversampling must be at least 1");
    }
    this.oversampling = oversampling;
    this.dimensions = dimensions;
    this.words = (dimensions + 63) / 64;
    this.rows = new Rows(new long[0], new Slot[0], new int[0], new long[0], new byte[0], 0);
  }

  /**
   * Stores an entry's vectors, replacing any it had.
   *
   * @param entry the entry
   * @param model the model whose vectors are kept; vectors of another model are not stored
   */
  void put(ServerEntry entry, String model) {
    remove(entry.name());
    EntryVectors vectors = entry.vectors();
    if (vectors == null || !vectors.model().equals(model) || vectors.texts().isEmpty()) {
      return;
    }
    int n = vectors.texts().size();
    byte[][] units = new byte[n][];
    String[] sources = new String[n];
    int kept = 0;
    for (TextVector t : vectors.texts()) {
      byte[] stored = VectorCodec.decode(t.vector());
      if (stored.length == dimensions) {
        units[kept] = VectorCodec.unitBytes(stored);
        sources[kept++] = t.source();
      }
    }
    if (kept == 0) {
      return;
    }
    Slot slot = new Slot(entry, Arrays.copyOf(units, kept), Arrays.copyOf(sources, kept));
    slots.put(entry.name(), slot);
    Rows r = capacity(rows, kept);
    slot.firstRow = r.count();
    byte health = (byte) entry.health().status().ordinal();
    for (int v = 0; v < kept; v++) {
      int row = r.count() + v;
      signs(slot.units[v], r.bits(), row * words);
      r.slots()[row] = slot;
      r.which()[row] = v;
      r.signatures()[row] = slot.signature;
      r.health()[row] = health;
    }
    rows = new Rows(r.bits(), r.slots(), r.which(), r.signatures(), r.health(), r.count() + kept);
  }

  /**
   * Points an entry's rows at a newer version of it whose vectors, tags and capability types are
   * unchanged (a health change).
   *
   * @param entry the entry
   * @return false when the table has no vectors of it
   */
  boolean refresh(ServerEntry entry) {
    Slot slot = slots.get(entry.name());
    if (slot == null) {
      return false;
    }
    slot.entry = entry;
    Rows r = rows;
    byte health = (byte) entry.health().status().ordinal();
    for (int i = slot.firstRow; i < slot.firstRow + slot.units.length; i++) {
      r.health()[i] = health;
    }
    return true;
  }

  /**
   * Drops an entry's vectors.
   *
   * @param name the entry's name
   */
  void remove(String name) {
    Slot slot = slots.remove(name);
    if (slot == null) {
      return;
    }
    Rows r = rows;
    for (int i = slot.firstRow; i < slot.firstRow + slot.units.length; i++) {
      r.slots()[i] = null;
      dead++;
    }
    if (dead > 1024 && dead >= r.count() - dead) {
      compact();
    }
  }

  /**
   * @param name an entry's name
   * @return its vectors, or null when the table has none
   */
  Slot slot(String name) {
    return slots.get(name);
  }

  /**
   * @return the number of stored vectors
   */
  int size() {
    Rows r = rows;
    return r.count() - dead;
  }

  /** Receives one vector of a search: its entry's slot, its text's source and its cosine. */
  @FunctionalInterface
  interface Hit {
    void accept(Slot slot, String source, float cosine);
  }

  /**
   * The k vectors closest to a query, among the rows whose entry passes the filters.
   *
   * @param query the query's {@link VectorCodec#unitBytes}
   * @param filter the search's filter
   * @param k how many vectors
   * @param sink receives each of them, best first
   */
  void nearest(byte[] query, SearchFilter filter, int k, Hit sink) {
    Rows r = rows;
    int n = r.count();
    long[] q = new long[words];
    signs(query, q, 0);
    boolean filtered = filter.filtersRegistration();
    // rows of one entry are adjacent: its filters are checked once
    // pass 1: each row's distance (NONE when it is dead or filtered out), and how many rows lie at
    // each distance, to find the distance that keeps enough of them
    short[] distances = scratch(n);
    int[] atDistance = new int[dimensions + 1];
    long mask = filter.signatureMask();
    long required = filter.requiredSignature();
    boolean[] healthPasses = filter.healthPasses();
    for (int i = 0; i < n; i++) {
      if (r.slots()[i] == null || !healthPasses[r.health()[i]]) {
        distances[i] = NONE;
        continue;
      }
      if (filtered) {
        long sig = r.signatures()[i];
        if ((sig & required) != required || (mask != 0 && (sig & mask) == 0)) {
          distances[i] = NONE;
          continue;
        }
      }
      int d = distance(r.bits(), i * words, q);
      distances[i] = (short) d;
      atDistance[d]++;
    }
    int wanted = (int) Math.min(Integer.MAX_VALUE - 64, (long) k * oversampling);
    int limit = 0;
    int closer = 0;
    while (limit < dimensions && closer + atDistance[limit] < wanted) {
      closer += atDistance[limit++];
    }
    // pass 2: every row closer than the limit, rows at the limit while room is left, in exact order
    int room = wanted - closer;
    long[] picked = new long[Math.min(n, wanted)];
    int m = 0;
    double queryLength = length(query);
    for (int i = 0; i < n; i++) {
      int d = distances[i];
      if (d < limit || (d == limit && room-- > 0)) {
        Slot s = r.slots()[i];
        // the signature lets a few false matches through: the entry itself decides
        if (s == null || (filtered && !filter.passesRegistration(s.tagKeys, s.capabilityTypes))) {
          continue;
        }
        float cos = cosine(query, queryLength, s.units[r.which()[i]]);
        // cosine + 2 lies in [1, 3]: positive floats order as their bits do
        picked[m++] = ((long) Float.floatToIntBits(cos + 2f) << 32) | i;
      }
    }
    Arrays.sort(picked, 0, m);
    for (int j = m - 1; j >= Math.max(0, m - k); j--) {
      int row = (int) picked[j];
      Slot s = r.slots()[row];
      if (s != null) {
        sink.accept(
            s, s.sources[r.which()[row]], Float.intBitsToFloat((int) (picked[j] >>> 32)) - 2f);
      }
    }
  }

  private static short[] scratch(int n) {
    short[] buffer = SCRATCH.get();
    if (buffer.length < n) {
      buffer = new short[Math.max(n, buffer.length * 2)];
      SCRATCH.set(buffer);
    }
    return buffer;
  }

  /**
   * @param query a query's {@link VectorCodec#unitBytes}
   * @param slot an entry's vectors
   * @param sink receives each of the entry's vectors
   */
  static void each(byte[] query, Slot slot, Hit sink) {
    double queryLength = length(query);
    for (int v = 0; v < slot.units.length; v++) {
      sink.accept(slot, slot.sources[v], cosine(query, queryLength, slot.units[v]));
    }
  }

  private static double length(byte[] v) {
    long sum = 0;
    for (byte b : v) {
      sum += b * b;
    }
    return Math.sqrt(sum);
  }

  private static float cosine(byte[] query, double queryLength, byte[] unit) {
    if (queryLength == 0) {
      return 0;
    }
    // four sums: independent additions keep the multipliers busy
    int a = 0;
    int b = 0;
    int c = 0;
    int d = 0;
    int i = 0;
    for (int end = query.length & ~3; i < end; i += 4) {
      a += query[i] * unit[i];
      b += query[i + 1] * unit[i + 1];
      c += query[i + 2] * unit[i + 2];
      d += query[i + 3] * unit[i + 3];
    }
    for (; i < query.length; i++) {
      a += query[i] * unit[i];
    }
    int dot = a + b + c + d;
    return (float) Math.max(-1, Math.min(1, dot / (queryLength * VectorCodec.UNIT_LENGTH)));
  }

  private void signs(byte[] unit, long[] into, int offset) {
    for (int i = 0; i < unit.length; i++) {
      if (unit[i] > 0) {
        into[offset + (i >>> 6)] |= 1L << (i & 63);
      }
    }
  }

  private int distance(long[] bits, int offset, long[] q) {
    int d = 0;
    for (int w = 0; w < words; w++) {
      d += Long.bitCount(bits[offset + w] ^ q[w]);
    }
    return d;
  }

  private Rows capacity(Rows r, int more) {
    int needed = r.count() + more;
    if (needed <= r.slots().length) {
      return r;
    }
    int size = Math.max(needed, Math.max(1024, r.slots().length * 2));
    return new Rows(
        Arrays.copyOf(r.bits(), size * words),
        Arrays.copyOf(r.slots(), size),
        Arrays.copyOf(r.which(), size),
        Arrays.copyOf(r.signatures(), size),
        Arrays.copyOf(r.health(), size),
        r.count());
  }

  private void compact() {
    Rows r = rows;
    int live = r.count() - dead;
    int size = Math.max(1024, live + live / 2);
    long[] bits = new long[size * words];
    Slot[] s = new Slot[size];
    int[] which = new int[size];
    long[] signatures = new long[size];
    byte[] health = new byte[size];
    int m = 0;
    for (int i = 0; i < r.count(); i++) {
      Slot slot = r.slots()[i];
      if (slot != null) {
        if (r.which()[i] == 0) {
          slot.firstRow = m;
        }
        System.arraycopy(r.bits(), i * words, bits, m * words, words);
        s[m] = slot;
        which[m] = r.which()[i];
        signatures[m] = r.signatures()[i];
        health[m++] = r.health()[i];
      }
    }
    rows = new Rows(bits, s, which, signatures, health, m);
    dead = 0;
  }
}
