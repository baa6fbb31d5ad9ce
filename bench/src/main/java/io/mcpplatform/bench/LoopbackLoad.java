package io.mcpplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running local system over loopback HTTP: seeds N entries through {@code
 * register_server}, then C concurrent clients call {@code search_servers} with 1-3 word queries for
 * D seconds after a warm-up, and prints requests/s, errors and latency percentiles. Each client is
 * a thread with its own keep-alive HTTP/1.1 connection, sending its next request as soon as the
 * last one is answered (closed loop).
 *
 * <pre>
 * ./run-local --port 3100 --data-dir /tmp/load-data &amp;
 * export MCP_REGISTRY_TOKEN=$(./run-local token --namespace '*' --data-dir /tmp/load-data | tail -1)
 * java -cp bench/target/benchmarks.jar io.mcpplatform.bench.LoopbackLoad \
 *     [--url http://127.0.0.1:3100/registry/mcp] [--entries 10000] [--clients 32] [--seconds 30]
 *     [--warmup 10] [--seed-clients 8] [--skip-seed] [--seed-only] [--server-pid PID] [--queries N]
 * java -cp bench/target/benchmarks.jar io.mcpplatform.bench.LoopbackLoad --print-searches 100000 &gt; searches.jsonl
 * </pre>
 *
 * <p>{@code --queries N} draws every query from N different ones (1: one query repeated), instead
 * of a fresh random query each time. {@code --seed-only} seeds and stops; {@code --print-searches
 * N} prints N {@code search_servers} request bodies, one a line, from the same query generator the
 * clients use, and contacts no server: the request file {@code bench/wrk/search.lua} replays, so
 * that a lighter load generator sends the same query mix.
 *
 * <p>On a shared machine requests/s depend on what else runs; the CPU time per request does much
 * less. So the harness also prints its own CPU time per request and, given {@code --server-pid},
 * the server's.
 *
 * <p>Seeding is skipped for entries that exist already only when {@code --skip-seed} is given;
 * registering again updates the same ids, so a rerun on the same data keeps N entries.
 */
public final class LoopbackLoad {

  private static final String[] WORDS =
      ("weather forecast temperature rain storm climate map location geocode"
              + " address route directions traffic transit flight hotel travel github repository issue pull commit"
              + " code search index database sql postgres redis cache storage bucket file document pdf spreadsheet"
              + " markdown email inbox chat slack channel calendar meeting reminder task ticket invoice payment"
              + " billing customer order product inventory price stock market crypto exchange currency news article"
              + " feed video audio music image photo browser scrape http api graphql webhook cloud lambda kubernetes"
              + " docker deploy pipeline test log metric monitor trace incident security secret token auth user"
              + " translate language summary embedding vector model prompt agent memory knowledge wiki drive"
              + " analytics report dashboard chart dataset research paper math calculator timezone recipe movie book"
              + " sports game fitness medical legal contract tax crm sales marketing device sensor energy vehicle"
              + " shipping tracking delivery warehouse job course")
          .split(" ");
  private static final String[] VERBS =
      ("get list create update delete search find fetch run query send read"
              + " write upload download convert track check sync export")
          .split(" ");

  private final URI url;
  private final HttpClient http;

  private LoopbackLoad(URI url, int clients) {
    this.url = url;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(Math.max(2, clients / 8), LoopbackLoad::daemon))
            .build();
  }

  /**
   * @param args options, see the class comment
   * @throws Exception when the system cannot be reached
   */
  public static void main(String[] args) throws Exception {
    try {
      measure(Options.parse(args));
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      System.err.println("LoopbackLoad: " + e);
      System.exit(1);
    }
    System.exit(0);
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task);
    t.setDaemon(true);
    return t;
  }

  private static void measure(Options o) throws Exception {
    if (o.printSearches > 0) {
      printSearches(o.printSearches, o.distinct());
      return;
    }
    LoopbackLoad load = new LoopbackLoad(URI.create(o.url), Math.max(o.clients, o.seedClients));
    load.check();
    if (!o.skipSeed) {
      load.seed(o.entries, o.seedClients);
    }
    if (o.seedOnly) {
      return;
    }
    System.out.printf(Locale.ROOT, "warm-up: %d s, %d clients%n", o.warmup, o.clients);
    load.run(o.clients, o.warmup, 1, o.distinct());
    System.out.printf(
        Locale.ROOT, "measuring: %d s, %d clients, %d entries%n", o.seconds, o.clients, o.entries);
    CpuClock clock = new CpuClock(o.serverPid);
    Result r = load.run(o.clients, o.seconds, 2, o.distinct());
    r.print(o.seconds);
    clock.print(r.sortedNanos().length);
  }

  private void check() throws IOException, InterruptedException {
    HttpResponse<String> response =
        post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/list\"}");
    if (response.statusCode() != 200 || !response.body().contains("search_servers")) {
      throw new IllegalStateException(
          "no registry at " + url + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  private void seed(int entries, int clients) throws Exception {
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients, LoopbackLoad::daemon);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < entries; i = next.getAndIncrement()) {
                  try {
                    HttpResponse<String> response = post(registerCall(i));
                    if (response.statusCode() != 200
                        || response.body().contains("\"isError\":true")) {
                      if (errors.incrementAndGet() <= 3) {
                        System.err.println(
                            "seed error: HTTP " + response.statusCode() + " " + response.body());
                      }
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "seeded %d entries with %d clients in %.1f s (%.0f registrations/s), %d errors%n",
        entries,
        clients,
        seconds,
        entries / seconds,
        errors.get());
  }

  /**
   * A register_server call for entry i, built from a generator seeded with i (the same entry every
   * run).
   */
  static String registerCall(int i) {
    SplittableRandom r = new SplittableRandom(i * 7919L + 1);
    String id = "load-" + i;
    String title = cap(word(r)) + " " + cap(word(r)) + " " + (r.nextBoolean() ? "Server" : "Tools");
    StringBuilder description = new StringBuilder();
    int words = 10 + r.nextInt(20);
    for (int w = 0; w < words; w++) {
      description.append(w == 0 ? "" : " ").append(word(r));
    }
    StringBuilder tags = new StringBuilder();
    int tagCount = 2 + r.nextInt(4);
    for (int t = 0; t < tagCount; t++) {
      tags.append(t == 0 ? "" : ",").append('"').append(word(r)).append('"');
    }
    StringBuilder capabilities = new StringBuilder();
    int capCount = 1 + r.nextInt(6);
    for (int c = 0; c < capCount; c++) {
      String verb = VERBS[r.nextInt(VERBS.length)];
      String noun = word(r);
      capabilities
          .append(c == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(verb)
          .append('_')
          .append(noun)
          .append(c)
          .append("\",\"type\":\"")
          .append(r.nextInt(6) == 0 ? "resource" : "tool")
          .append("\",\"description\":\"")
          .append(cap(verb))
          .append(' ')
          .append(noun)
          .append(' ')
          .append(word(r))
          .append(" for ")
          .append(word(r))
          .append("\"}");
    }
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + i
        + ",\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"register_server\",\"arguments\":{\"server_id\":\""
        + id
        + "\",\"name\":\""
        + title
        + "\",\"url\":\"https://"
        + id
        + ".example.com/mcp\",\"description\":\""
        + description
        + "\",\"tags\":["
        + tags
        + "],\"capabilities\":["
        + capabilities
        + "],\"version\":\"1."
        + r.nextInt(10)
        + ".0\"}}}";
  }

  /** Prints search calls as the measured run's clients send them: client c's stream, in turn. */
  private static void printSearches(int count, String[] distinct) {
    int clients = 32;
    SplittableRandom[] streams = new SplittableRandom[clients];
    for (int c = 0; c < clients; c++) {
      streams[c] = new SplittableRandom(2 * 1_000_003L + c);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(searchCall(streams[i % clients], i / clients + 1, distinct)).append('\n');
      if (out.length() > 1 << 16) {
        System.out.print(out);
        out.setLength(0);
      }
    }
    System.out.print(out);
    System.out.flush();
  }

  /** A search_servers call with a 1-3 word query, skewed towards common words. */
  static String searchCall(SplittableRandom r, long id) {
    return searchCall(randomQuery(r), id);
  }

  /**
   * @param r the client's random stream
   * @param id the request id
   * @param distinct the queries to draw from, or null for a fresh random query each time
   * @return the next search_servers call
   */
  static String searchCall(SplittableRandom r, long id, String[] distinct) {
    return distinct == null
        ? searchCall(r, id)
        : searchCall(distinct[r.nextInt(distinct.length)], id);
  }

  private static String searchCall(String query, long id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"search_servers\",\"arguments\":{\"query\":\""
        + query
        + "\",\"limit\":10}}}";
  }

  private static String randomQuery(SplittableRandom r) {
    int words = 1 + r.nextInt(3);
    StringBuilder query = new StringBuilder();
    for (int w = 0; w < words; w++) {
      query.append(w == 0 ? "" : " ").append(word(r));
    }
    return query.toString();
  }

  /**
   * @param count how many
   * @return that many different queries of the usual mix (seeded: the same every run)
   */
  static String[] distinctQueries(int count) {
    SplittableRandom r = new SplittableRandom(99);
    java.util.Set<String> queries = new java.util.LinkedHashSet<>();
    while (queries.size() < count) {
      queries.add(randomQuery(r));
    }
    return queries.toArray(String[]::new);
  }

  private static String word(SplittableRandom r) {
    // squared uniform: low indexes (the first words) come up more often, as in real queries
    double u = r.nextDouble();
    return WORDS[(int) (u * u * WORDS.length)];
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private Result run(int clients, int seconds, long seed, String[] distinct) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[clients];
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    AtomicLong errors = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads[c] =
          new Thread(
              () -> {
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + client);
                long[] mine = new long[1 << 16];
                int n = 0;
                long id = 0;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  boolean ok;
                  try {
                    HttpResponse<String> response = post(searchCall(r, ++id, distinct));
                    ok =
                        response.statusCode() == 200
                            && response.body().contains("\"servers\"")
                            && !response.body().contains("\"isError\":true");
                    if (!ok && errors.get() < 3) {
                      System.err.println(
                          "error: HTTP " + response.statusCode() + " " + response.body());
                    }
                  } catch (IOException e) {
                    ok = false;
                    if (errors.get() < 3) {
                      System.err.println("error: " + e);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  long took = System.nanoTime() - t0;
                  if (!ok) {
                    errors.incrementAndGet();
                  }
                  if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                  }
                  mine[n++] = took;
                }
                latencies[client] = mine;
                counts[client] = n;
              },
              "load-client-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = 0;
    for (int n : counts) {
      total += n;
    }
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(all, errors.get());
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-06-18");
    String token = System.getenv("MCP_REGISTRY_TOKEN");
    if (token != null && !token.isBlank()) {
      // register_server needs a bearer token: ./run-local token --namespace '*' --data-dir DIR
      request.header("Authorization", "Bearer " + token.strip());
    }
    return http.send(
        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private record Result(long[] sortedNanos, long errors) {
    void print(int seconds) {
      int n = sortedNanos.length;
      System.out.printf(
          Locale.ROOT,
          "requests: %d in %d s = %.0f requests/s, errors: %d%n",
          n,
          seconds,
          n / (double) seconds,
          errors);
      System.out.printf(
          Locale.ROOT,
          "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
          pct(0.50),
          pct(0.90),
          pct(0.99),
          pct(0.999),
          n == 0 ? 0 : sortedNanos[n - 1] / 1e6);
    }

    double pct(double p) {
      int n = sortedNanos.length;
      return n == 0 ? 0 : sortedNanos[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
    }
  }

  /**
   * CPU time of this process and, when known, of the server, from construction to {@link #print}.
   */
  private static final class CpuClock {
    private final long serverPid;
    private final long wallStart = System.nanoTime();
    private final long selfStart = selfCpu();
    private final long serverStart;

    CpuClock(long serverPid) {
      this.serverPid = serverPid;
      this.serverStart = serverPid < 0 ? -1 : serverCpu(serverPid);
    }

    void print(int requests) {
      double wall = (System.nanoTime() - wallStart) / 1e9;
      double self = (selfCpu() - selfStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "load client cpu: %.1f s (%.2f cores), %.3f ms/request%n",
          self,
          self / wall,
          requests == 0 ? 0 : 1000 * self / requests);
      if (serverStart >= 0) {
        double server = (serverCpu(serverPid) - serverStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "server cpu: %.1f s (%.2f cores), %.3f ms/request%n",
            server,
            server / wall,
            requests == 0 ? 0 : 1000 * server / requests);
      }
      System.out.printf(
          Locale.ROOT,
          "machine: %d cpus, load average %.1f%n",
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long selfCpu() {
      return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long serverCpu(long pid) {
      return ProcessHandle.of(pid)
          .flatMap(h -> h.info().totalCpuDuration())
          .map(Duration::toNanos)
          .orElse(0L);
    }
  }

  private static final class Options {
    String url = "http://127.0.0.1:3100/registry/mcp";
    int entries = 10_000;
    int clients = 32;
    int seconds = 30;
    int warmup = 10;
    int seedClients = 8;
    boolean skipSeed;
    boolean seedOnly;
    int printSearches;
    long serverPid = -1;
    int queries;

    /** The queries to draw from: null for a fresh random query each time. */
    String[] distinct() {
      return queries > 0 ? distinctQueries(queries) : null;
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> o.url = args[++i];
          case "--entries" -> o.entries = Integer.parseInt(args[++i]);
          case "--clients" -> o.clients = Integer.parseInt(args[++i]);
          case "--seconds" -> o.seconds = Integer.parseInt(args[++i]);
          case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
          case "--seed-clients" -> o.seedClients = Integer.parseInt(args[++i]);
          case "--skip-seed" -> o.skipSeed = true;
          case "--seed-only" -> o.seedOnly = true;
          case "--print-searches" -> o.printSearches = Integer.parseInt(args[++i]);
          case "--server-pid" -> o.serverPid = Long.parseLong(args[++i]);
          case "--queries" -> o.queries = Integer.parseInt(args[++i]);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + " (options: --url --entries --clients --seconds --warmup --seed-clients --skip-seed --seed-only"
                      + " --print-searches --server-pid --queries)");
        }
      }
      return o;
    }
  }
}
