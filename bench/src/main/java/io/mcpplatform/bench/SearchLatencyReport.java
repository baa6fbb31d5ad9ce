package io.mcpplatform.bench;

import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.search.SearchQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-query latency of the search mix as both wall-clock and thread CPU time percentiles. On a
 * shared machine the CPU time shows the work a search does, free of the time the thread spent
 * descheduled; JMH's {@link SearchBenchmark} gives the wall-clock distribution. A command-line
 * program: prints its figures to standard output.
 *
 * <p>Usage: {@code java -Xmx1g -cp bench/target/benchmarks.jar
 * io.mcpplatform.bench.SearchLatencyReport [entries...]}
 */
public final class SearchLatencyReport {

  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 3;

  private SearchLatencyReport() {}

  /**
   * @param args entry counts, 10000 and 100000 by default
   */
  public static void main(String[] args) {
    int[] sizes =
        args.length == 0
            ? new int[] {10_000, 100_000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int size : sizes) {
      CatalogGenerator generator = new CatalogGenerator(42);
      SearchIndex index = new SearchIndex();
      index.upsertAll(generator.entries(size));
      List<SearchQuery> queries = generator.queries(4096);
      for (int r = 0; r < WARMUP_ROUNDS; r++) {
        queries.forEach(index::search);
      }
      int n = queries.size() * MEASURED_ROUNDS;
      long[] wall = new long[n];
      long[] cpu = new long[n];
      int i = 0;
      for (int r = 0; r < MEASURED_ROUNDS; r++) {
        for (SearchQuery q : queries) {
          long c0 = threads.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          index.search(q);
          wall[i] = System.nanoTime() - w0;
          cpu[i++] = threads.getCurrentThreadCpuTime() - c0;
        }
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "%7d entries, %d searches: wall %s | cpu %s",
              size,
              n,
              percentiles(wall),
              percentiles(cpu)));
    }
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
        at(sorted, 0.50),
        at(sorted, 0.90),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }
}
