package io.mcpplatform.bench;

import io.mcpplatform.embedded.geo.OfflineGeocoder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Reports how long a fresh JVM takes to load the offline gazetteer and how much heap it retains. A
 * command-line program: prints its figures to standard output. Run it several times; the first load
 * in a JVM is the one that matters for a cold start. Targets: at most 300 ms and 100 MB.
 *
 * <p>Usage: {@code java -Xmx256m -cp bench/target/benchmarks.jar
 * io.mcpplatform.bench.GeocoderLoadReport}
 */
public final class GeocoderLoadReport {

  private GeocoderLoadReport() {}

  /**
   * @param args ignored
   * @throws InterruptedException if interrupted while letting the collector settle
   */
  public static void main(String[] args) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = settledHeap(memory);
    OfflineGeocoder geocoder = new OfflineGeocoder();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    int places = geocoder.load();
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    long loadCpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
    long firstStart = System.nanoTime();
    String paris = geocoder.geocode("Paris", "en").formattedAddress();
    long firstMicros = (System.nanoTime() - firstStart) / 1_000;
    long loaded = settledHeap(memory);
    print("places", places);
    print("load wall time ms (fresh JVM)", loadMillis);
    print("load cpu time ms (all threads, JIT incl.)", loadCpuMillis);
    print(
        "system load average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    print("first forward lookup us", firstMicros);
    print(
        "retained heap MB",
        String.format(Locale.ROOT, "%.1f", (loaded - baseline) / 1024.0 / 1024.0));
    print("sanity: Paris", paris);
    if (geocoder.reverse(0, 0, "en") == null) {
      throw new IllegalStateException(
          "unreachable: keeps the geocoder alive through the measurement");
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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

  private static void print(String label, Object value) {
    System.out.println(String.format(Locale.ROOT, "%-40s %s", label, value));
  }
}
