package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.embedding.MiniLmEmbedder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Reports the heap retained by a generated catalog and by the search index built over it. A
 * command-line program: prints its figures to standard output.
 *
 * <p>Usage: {@code java -Xmx1g -cp bench/target/benchmarks.jar io.mcpplatform.bench.IndexHeapReport
 * [entries] [vectors]}; with {@code vectors} the entries carry stored vectors (one per text, {@link
 * SyntheticVectors}) and the index holds them in its vector table.
 */
public final class IndexHeapReport {

  private IndexHeapReport() {}

  /**
   * @param args optional entry count, 100000 by default
   * @throws InterruptedException if interrupted while letting the collector settle
   */
  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = settledHeap(memory);

    boolean vectors = args.length > 1 && args[1].equals("vectors");
    List<ServerEntry> entries = new CatalogGenerator(42).entries(count);
    if (vectors) {
      entries =
          SyntheticVectors.attach(entries, MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSIONS, 7);
    }
    long withEntries = settledHeap(memory);

    // the model's id only: the stored vectors are indexed, no query is embedded here
    SearchIndex index = vectors ? new SearchIndex(new FixedModelId()) : new SearchIndex();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    index.upsertAll(entries);
    long buildMillis = (System.nanoTime() - start) / 1_000_000;
    long buildCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    entries = null;
    long withIndex = settledHeap(memory);

    int hits = vectors ? -1 : index.search(SearchQuery.text("weather forecast", 10)).total();
    print("entries", count);
    print("build wall time ms", buildMillis);
    print("build cpu time ms (building thread)", buildCpuMillis);
    print("entries alone MB", mb(withEntries - baseline));
    print("index incl. entries MB", mb(withIndex - baseline));
    print("index without entries MB", mb(withIndex - withEntries));
    print("sanity: hits for 'weather forecast'", hits);
    print("index size", index.size());
  }

  /** Names the model whose stored vectors the index takes; never asked to embed. */
  private static final class FixedModelId implements io.mcpplatform.core.embedding.TextEmbedder {
    @Override
    public String modelId() {
      return MiniLmEmbedder.MODEL_ID;
    }

    @Override
    public int dimensions() {
      return MiniLmEmbedder.DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
      throw new UnsupportedOperationException("the heap report embeds nothing");
    }
  }

  private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
  }

  private static void print(String label, Object value) {
    System.out.println(String.format(Locale.ROOT, "%-40s %s", label, value));
  }
}
