package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryEmbedder;
import io.mcpplatform.core.embedding.TextEmbedder;
import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.embedding.MiniLmEmbedder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-query latency of the search mix, split into the query's embedding and the rest, as wall-clock
 * and thread CPU time percentiles, plus the time to build the index. On a shared machine the CPU
 * time shows the work a search does, free of the time the thread spent descheduled; JMH's {@link
 * SearchBenchmark} gives the wall-clock distribution. A command-line program: prints its figures to
 * standard output.
 *
 * <p>Usage: {@code java -Xmx2g -cp bench/target/benchmarks.jar
 * io.mcpplatform.bench.SearchLatencyReport [--lexical | --real] [entries...]}: with {@code
 * --lexical} no model and no stored vectors (BM25 alone); with {@code --real} the entries' vectors
 * are the model's own (computed first, on every core: minutes for 10,000 entries) instead of random
 * ones, and the report adds how many of each search's hits an exact vector order (every vector's
 * cosine computed) would also return.
 */
public final class SearchLatencyReport {

  private static final int WARMUP_ROUNDS = 2;
  private static final int MEASURED_ROUNDS = 2;

  private SearchLatencyReport() {}

  /** Times each embedding the index asks for, on the calling thread. */
  private static final class TimedEmbedder implements TextEmbedder {
    private final TextEmbedder model;
    long lastNanos;

    TimedEmbedder(TextEmbedder model) {
      this.model = model;
    }

    @Override
    public String modelId() {
      return model.modelId();
    }

    @Override
    public int dimensions() {
      return model.dimensions();
    }

    @Override
    public float[] embed(String text) {
      long t0 = System.nanoTime();
      float[] v = model.embed(text);
      lastNanos += System.nanoTime() - t0;
      return v;
    }
  }

  /**
   * @param args {@code --lexical} and entry counts, 10000 and 100000 by default
   */
  public static void main(String[] args) {
    boolean lexical = Arrays.asList(args).contains("--lexical");
    boolean real = Arrays.asList(args).contains("--real");
    int[] sizes =
        Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt).toArray();
    if (sizes.length == 0) {
      sizes = new int[] {10_000, 100_000};
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    TimedEmbedder embedder = lexical ? null : new TimedEmbedder(MiniLmEmbedder.load());
    for (int size : sizes) {
      CatalogGenerator generator = new CatalogGenerator(42);
      SearchIndex index = new SearchIndex(embedder);
      List<ServerEntry> entries = generator.entries(size);
      SearchIndex exact = null;
      if (real) {
        entries = embedAll(entries, embedder);
        exact = new SearchIndex(embedder, Integer.MAX_VALUE);
        exact.upsertAll(entries);
      } else if (embedder != null) {
        entries = SyntheticVectors.attach(entries, embedder.modelId(), embedder.dimensions(), 7);
      }
      List<SearchQuery> queries = generator.queries(4096);
      long b0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      index.upsertAll(entries);
      index.search(queries.get(0));
      System.out.printf(
          Locale.ROOT,
          "%7d entries: index built in %.1f s wall, %.1f s CPU of this thread%n",
          size,
          (System.nanoTime() - b0) / 1e9,
          (threads.getCurrentThreadCpuTime() - c0) / 1e9);
      for (int r = 0; r < WARMUP_ROUNDS; r++) {
        queries.forEach(index::search);
      }
      int n = queries.size() * MEASURED_ROUNDS;
      long[] wall = new long[n];
      long[] cpu = new long[n];
      long[] embed = new long[n];
      long[] rest = new long[n];
      int i = 0;
      for (int r = 0; r < MEASURED_ROUNDS; r++) {
        for (SearchQuery q : queries) {
          if (embedder != null) {
            embedder.lastNanos = 0;
          }
          long cpu0 = threads.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          index.search(q);
          wall[i] = System.nanoTime() - w0;
          cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
          embed[i] = embedder == null ? 0 : embedder.lastNanos;
          rest[i] = wall[i] - embed[i];
          i++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%7d entries, %d searches%n  wall  %s%n  cpu   %s%n  embed %s%n  rest  %s%n",
          size,
          n,
          percentiles(wall),
          percentiles(cpu),
          percentiles(embed),
          percentiles(rest));
      if (exact != null) {
        System.out.println("  " + agreement(index, exact, queries));
        exact.close();
      }
      index.close();
    }
  }

  private static List<ServerEntry> embedAll(List<ServerEntry> entries, TextEmbedder embedder) {
    long t0 = System.nanoTime();
    EntryEmbedder entryEmbedder = new EntryEmbedder(embedder);
    List<ServerEntry> out =
        entries.parallelStream().map(e -> e.withVectors(entryEmbedder.vectors(e, null))).toList();
    System.out.printf(
        Locale.ROOT,
        "%7d entries embedded by the model in %.0f s%n",
        entries.size(),
        (System.nanoTime() - t0) / 1e9);
    return out;
  }

  /** The share of each query's hits that the exact vector order also returns, over the mix. */
  private static String agreement(SearchIndex index, SearchIndex exact, List<SearchQuery> queries) {
    long same = 0;
    long all = 0;
    int identical = 0;
    int compared = 0;
    for (SearchQuery q : queries) {
      if (q.text().isBlank()) {
        continue;
      }
      List<String> got = names(index.search(q));
      List<String> want = names(exact.search(q));
      compared++;
      identical += got.equals(want) ? 1 : 0;
      all += want.size();
      same += want.stream().filter(got::contains).count();
    }
    return String.format(
        Locale.ROOT,
        "against the exact vector order: %.3f of its hits returned, %.3f of %d queries with the"
            + " same page",
        all == 0 ? 1.0 : (double) same / all,
        (double) identical / compared,
        compared);
  }

  private static List<String> names(io.mcpplatform.core.search.SearchResult r) {
    return r.hits().stream().map(h -> h.entry().name()).toList();
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
