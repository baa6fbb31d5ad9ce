package io.mcpplatform.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latency of the registry's REST face on a running local system over loopback HTTP, one client:
 * publishes N servers through {@code POST /v0.1/publish} (timing each), then times {@code GET
 * /v0.1/servers?search=} with 1-2 word queries, after a warm-up. Prints p50/p95/p99/max of each.
 *
 * <pre>
 * ./run-local --port 3100 --data-dir /tmp/rest-load &amp;
 * export MCP_REGISTRY_TOKEN=$(./run-local token --namespace 'com.example/*' --ttl 120 --data-dir /tmp/rest-load | tail -1)
 * java -cp bench/target/classes io.mcpplatform.bench.RegistryRestLoad \
 *     [--base http://127.0.0.1:3100] [--entries 10000] [--searches 5000] [--warmup 1000] [--skip-seed]
 * </pre>
 */
public final class RegistryRestLoad {

  private static final String[] WORDS =
      ("weather forecast map location geocode route traffic flight hotel"
              + " github repository issue code search database sql cache storage file document email chat calendar"
              + " task invoice payment customer order stock crypto news video music image browser api webhook cloud"
              + " deploy log metric monitor security translate summary vector agent memory wiki analytics report")
          .split(" ");

  private RegistryRestLoad() {}

  /**
   * @param args see the class comment
   */
  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:3100";
    int entries = 10_000;
    int searches = 5_000;
    int warmup = 1_000;
    boolean seed = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--entries" -> entries = Integer.parseInt(args[++i]);
        case "--searches" -> searches = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--skip-seed" -> seed = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String token = System.getenv("MCP_REGISTRY_TOKEN");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    SplittableRandom random = new SplittableRandom(42);
    if (seed) {
      if (token == null) {
        throw new IllegalStateException(
            "set MCP_REGISTRY_TOKEN (./run-local token --namespace 'com.example/*')");
      }
      long[] publish = new long[entries];
      int failures = 0;
      for (int i = 0; i < entries; i++) {
        String description = words(random, 6);
        String body =
            "{\"name\":\"com.example/bench-"
                + i
                + "\",\"description\":\""
                + description
                + "\",\"version\":\"1.0."
                + random.nextInt(1_000_000)
                + "\",\"remotes\":[{\"type\":\"streamable-http\","
                + "\"url\":\"https://bench-"
                + i
                + ".example.com/mcp\"}]}";
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + "/v0.1/publish"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        publish[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          failures++;
          if (failures <= 3) {
            System.err.println(
                "publish " + i + ": HTTP " + response.statusCode() + " " + response.body());
          }
        }
      }
      report("publish", publish, failures);
    }
    long[] search = new long[searches];
    int failures = 0;
    for (int i = -warmup; i < searches; i++) {
      String q = URLEncoder.encode(words(random, 1 + random.nextInt(2)), StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/v0.1/servers?search=" + q + "&limit=30"))
              .GET()
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (i >= 0) {
        search[i] = took;
        if (response.statusCode() != 200) {
          failures++;
        }
      }
    }
    report("GET /v0.1/servers?search=", search, failures);
  }

  private static String words(SplittableRandom random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static void report(String what, long[] nanos, int failures) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: n=%d failures=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        sorted.length,
        failures,
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
