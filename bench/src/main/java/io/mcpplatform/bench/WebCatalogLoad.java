package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedded.store.FileStoreOptions;
import io.mcpplatform.registry.RegistryApp;
import io.mcpplatform.registry.RegistryConfig;
import io.mcpplatform.transport.RouteDispatcher;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Time to serve the web catalog's pages over loopback HTTP, one client, with a generated catalog
 * ({@link CatalogGenerator}, seed 42) in the embedded store behind the registry's own routes on
 * Jetty: the first page ({@code GET /}), first pages of 1-word searches ({@code GET /?q=WORD}) and
 * server pages. Prints p50/p90/p99/max of each after a warm-up, and the largest page size. The
 * round trip bounds the server's render time from above.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -Dmaven.test.skip=true
 * java -Xmx1g -cp bench/target/benchmarks.jar io.mcpplatform.bench.WebCatalogLoad [entries] [requests] [warmup]
 * </pre>
 */
public final class WebCatalogLoad {

  private WebCatalogLoad() {}

  /**
   * @param args entries (10000), timed requests per kind (3000), warm-up requests per kind (3000)
   */
  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
    Path dir = Files.createTempDirectory("web-catalog-load");
    List<ServerEntry> catalog = new CatalogGenerator(42).entries(entries);
    try (FileRegistryStore store =
        FileRegistryStore.open(dir, new FileStoreOptions(false, 1_000_000))) {
      for (ServerEntry e : catalog) {
        store.saveRegistration(e, 0, e.updatedAt());
        store.saveHealth(e.name(), e.health(), null, e.updatedAt());
      }
    }
    RegistryApp app =
        new RegistryApp(
            FileRegistryStore.open(dir, new FileStoreOptions(false, 1_000_000)),
            RegistryConfig.local(dir),
            null);
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new RouteDispatcher(app.routes())), "/");
    server.setHandler(context);
    server.start();
    try {
      String base =
          "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String[] words = CatalogGenerator.WORDS;
      List<ServerEntry> live =
          catalog.stream()
              .filter(e -> e.status() != io.mcpplatform.core.catalog.LifecycleStatus.DELETED)
              .toList();
      System.out.printf(
          Locale.ROOT,
          "%,d entries, %,d timed requests per kind after %,d warm-up%n",
          entries,
          requests,
          warmup);
      measure(http, "GET / (first page)", requests, warmup, i -> base + "/");
      measure(http, "GET /?q=WORD", requests, warmup, i -> base + "/?q=" + words[i % words.length]);
      measure(
          http,
          "GET /servers/NAME",
          requests,
          warmup,
          i -> base + "/servers/" + live.get(i % live.size()).name());
    } finally {
      server.stop();
      app.close();
    }
  }

  private static void measure(
      HttpClient http,
      String label,
      int requests,
      int warmup,
      java.util.function.IntFunction<String> url)
      throws Exception {
    long[] nanos = new long[requests];
    int largest = 0;
    for (int i = -warmup; i < requests; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i + warmup))).GET().build();
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            label + " answered " + response.statusCode() + " for " + request.uri());
      }
      if (i >= 0) {
        nanos[i] = took;
        largest = Math.max(largest, response.body().length);
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-22s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  largest page %,d B%n",
        label,
        ms(nanos, 0.50),
        ms(nanos, 0.90),
        ms(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        largest);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
