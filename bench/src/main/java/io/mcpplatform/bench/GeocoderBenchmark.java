package io.mcpplatform.bench;

import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.embedded.geo.OfflineGeocoder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the offline geocoder over the full shipped gazetteer, as distributions (p50, p99 in
 * JMH's sample-time output). Targets: forward p99 at most 1 ms, reverse p99 at most 0.2 ms. Loading
 * is measured by {@link GeocoderLoadReport}.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar GeocoderBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class GeocoderBenchmark {

  /** A mix of exact names, alternate names, accents, qualifiers, landmarks, prefixes and misses. */
  static final String[] QUERIES = {
    "Paris",
    "Tokyo",
    "New York",
    "Paris, Texas",
    "Paris, TX",
    "London, UK",
    "Zürich",
    "Zurich",
    "München",
    "Sao Paulo",
    "Mexico City",
    "東京",
    "Москва",
    "Eiffel Tower, Paris",
    "Springfield, Illinois",
    "Bombay",
    "Xi'an",
    "Washington, D.C.",
    "Johannesbu",
    "Xqzzyvv Plorth",
    "Rio de Janeiro, Brazil",
    "Portland, OR",
    "Saint-Étienne",
    "Kraków",
    "Cape Town",
    "Reykjavik",
    "Buenos Aires",
    "Lagos, Nigeria",
    "Ho Chi Minh City",
    "Springfield",
  };

  /** Known city centres, jittered in {@link #points} so that reverse lookups land among places. */
  static final double[][] CENTRES = {
    {48.8566, 2.3522},
    {35.6895, 139.6917},
    {40.7128, -74.0060},
    {-23.5505, -46.6333},
    {28.6139, 77.2090},
    {51.5074, -0.1278},
    {55.7558, 37.6173},
    {-33.8688, 151.2093},
    {6.5244, 3.3792},
    {19.4326, -99.1332},
    {30.0444, 31.2357},
    {-34.6037, -58.3816},
    {52.5200, 13.4050},
    {41.9028, 12.4964},
    {1.3521, 103.8198},
  };

  private OfflineGeocoder geocoder;
  private double[][] points;

  /** Loads the gazetteer and draws the reverse-lookup points: half near cities, half anywhere. */
  @Setup(Level.Trial)
  public void setUp() {
    geocoder = new OfflineGeocoder();
    geocoder.load();
    Random random = new Random(7);
    points = new double[1024][];
    for (int i = 0; i < points.length; i++) {
      if (i % 2 == 0) {
        double[] c = CENTRES[random.nextInt(CENTRES.length)];
        points[i] =
            new double[] {c[0] + random.nextGaussian() * 0.3, c[1] + random.nextGaussian() * 0.3};
      } else {
        points[i] =
            new double[] {
              Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)),
              360 * random.nextDouble() - 180
            };
      }
    }
  }

  /** Each thread's position in the query and point lists. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /**
   * @param cursor the thread's position in the query mix
   * @return the result (null for a miss), consumed by JMH
   */
  @Benchmark
  public GeocodeResult forward(Cursor cursor) {
    String query = QUERIES[cursor.next++ % QUERIES.length];
    try {
      return geocoder.geocode(query, "en");
    } catch (GeocodeNotFoundException e) {
      return null;
    }
  }

  /**
   * @param cursor the thread's position in the point list
   * @return the result, consumed by JMH
   */
  @Benchmark
  public GeocodeResult reverse(Cursor cursor) {
    double[] p = points[cursor.next++ & (points.length - 1)];
    return geocoder.reverse(p[0], p[1], "en");
  }
}
