package io.mcpplatform.bench;

import io.mcpplatform.core.search.SearchIndex;
import io.mcpplatform.core.search.SearchQuery;
import io.mcpplatform.core.search.SearchResult;
import io.mcpplatform.embedding.MiniLmEmbedder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@link SearchIndex#search} over a generated catalog, as a distribution (p50, p99 in
 * JMH's sample-time output), with the embedding model in process: each search with text embeds the
 * query (the real model, on the benchmark thread) and fuses BM25 with the scan of the entries'
 * stored vectors ({@link SyntheticVectors}). Each invocation runs the next query of a fixed mix:
 * 1-3 words, some ending in a prefix, some with tag, capability-type or health filters, some deeper
 * pages, a few without text.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SearchBenchmark {

  @Param({"10000", "100000"})
  public int entries;

  private SearchIndex index;
  private SearchQuery[] queries;

  /** Builds the index and the query mix once per trial. */
  @Setup(Level.Trial)
  public void build() {
    CatalogGenerator generator = new CatalogGenerator(42);
    MiniLmEmbedder model = MiniLmEmbedder.load();
    index = new SearchIndex(model);
    index.upsertAll(
        SyntheticVectors.attach(
            generator.entries(entries), model.modelId(), model.dimensions(), 7));
    List<SearchQuery> mix = generator.queries(4096);
    queries = mix.toArray(SearchQuery[]::new);
    // the first search after a bulk load merges the index into one segment: not part of a query's
    // latency
    index.search(queries[0]);
  }

  /** The position in the query mix, per benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /**
   * @param cursor the thread's position in the query mix
   * @return the result, consumed by JMH
   */
  @Benchmark
  public SearchResult search(Cursor cursor) {
    SearchQuery q = queries[cursor.next];
    cursor.next = (cursor.next + 1) & (queries.length - 1);
    return index.search(q);
  }
}
