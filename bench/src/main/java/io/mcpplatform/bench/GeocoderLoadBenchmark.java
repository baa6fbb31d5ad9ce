package io.mcpplatform.bench;

import io.mcpplatform.embedded.geo.OfflineGeocoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load the offline gazetteer in a fresh JVM: one cold load per fork, as a Lambda cold start
 * sees it. Target: at most 300 ms. The retained heap is reported by {@link GeocoderLoadReport}.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar GeocoderLoadBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
    value = 10,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class GeocoderLoadBenchmark {

  /**
   * @return the number of places loaded, consumed by JMH
   */
  @Benchmark
  public int coldLoad() {
    return new OfflineGeocoder().load();
  }
}
