package io.mcpplatform.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load on the legacy HTTP+SSE transport of a running local system, loopback only, bounded in time:
 * S sessions at once, each opening {@code GET /registry/sse}, then calling {@code search_servers}
 * through its message URL in a closed loop for D seconds (the POST answers 202, the response
 * arrives on the stream), then closing. Prints calls/s, errors and the latency from POST to the
 * response event (p50/p99/p99.9/max) per round, and the server's resident memory and thread count
 * before the first round and after each round has closed (after a settle time long enough for the
 * server's keep-alive, every 15 s, to notice closed streams: its second write to a closed
 * connection fails). With {@code --overflow N} it then opens N streams at once, counts those
 * refused past the server's limit, closes them all and reads memory and threads again.
 *
 * <pre>
 * ./run-local --port 3100 --data-dir /tmp/load-data &amp;   # seeded as for LoopbackLoad
 * java -cp bench/target/benchmarks.jar io.mcpplatform.bench.LegacySseLoad [--base http://127.0.0.1:3100]
 *     [--sessions 200] [--seconds 30] [--rounds 2] [--settle 45] [--overflow 300] --server-pid PID
 * </pre>
 */
public final class LegacySseLoad {

  private static final String[] WORDS =
      ("weather forecast map location geocode translate language github"
              + " repository search database email calendar payment music image news cloud deploy log")
          .split(" ");

  private LegacySseLoad() {}

  /** What one session did. */
  private record SessionResult(List<Long> latenciesNanos, int errors, String firstError) {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:3100";
    String path = "/registry";
    int sessions = 200;
    int seconds = 30;
    int rounds = 2;
    int settle = 45;
    int overflow = 0;
    long pid = -1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--path" -> path = args[++i];
        case "--sessions" -> sessions = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--settle" -> settle = Integer.parseInt(args[++i]);
        case "--overflow" -> overflow = Integer.parseInt(args[++i]);
        case "--server-pid" -> pid = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    URI host = URI.create(base);
    if (!"127.0.0.1".equals(host.getHost()) && !"localhost".equals(host.getHost())) {
      throw new IllegalArgumentException("--base must be a loopback URL");
    }
    // a generous connect timeout: 200 connections opened together queue in the listen backlog on a
    // busy machine
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    System.out.printf("before: %s%n", process(pid));
    for (int round = 1; round <= rounds; round++) {
      round(http, base + path, sessions, seconds, round);
      Thread.sleep(settle * 1000L);
      System.out.printf("round %d closed, %d s later: %s%n", round, settle, process(pid));
    }
    if (overflow > 0) {
      overflow(http, base + path, overflow);
      Thread.sleep(settle * 1000L);
      System.out.printf("overflow closed, %d s later: %s%n", settle, process(pid));
    }
    System.out.printf(
        "machine: %d cpus, load average %s%n",
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static void round(HttpClient http, String endpoint, int sessions, int seconds, int round)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<SessionResult>> futures = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      int seed = round * 100_000 + s;
      // sessions start over the first two seconds, as clients arriving rather than one burst of
      // connects
      long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_000L * s / sessions);
      futures.add(
          pool.submit(
              () -> {
                Thread.sleep(Math.max(0, (startAt - System.nanoTime()) / 1_000_000));
                return session(http, endpoint, deadline, seed);
              }));
    }
    List<Long> all = new ArrayList<>();
    int errors = 0;
    String firstError = null;
    for (Future<SessionResult> f : futures) {
      SessionResult r = f.get();
      all.addAll(r.latenciesNanos());
      errors += r.errors();
      if (firstError == null) {
        firstError = r.firstError();
      }
    }
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "round %d: %d sessions, %d s: %d calls, %.0f calls/s, %d errors%s%n",
        round,
        sessions,
        seconds,
        sorted.length,
        sorted.length / (double) seconds,
        errors,
        firstError == null ? "" : " (first: " + firstError + ")");
    if (sorted.length > 0) {
      System.out.printf(
          Locale.ROOT,
          "  latency ms: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
          ms(sorted, 0.50),
          ms(sorted, 0.99),
          ms(sorted, 0.999),
          sorted[sorted.length - 1] / 1e6);
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  private static SessionResult session(HttpClient http, String endpoint, long deadline, int seed) {
    List<Long> latencies = new ArrayList<>();
    int errors = 0;
    String firstError = null;
    SplittableRandom random = new SplittableRandom(seed);
    HttpResponse<InputStream> stream = null;
    try {
      stream =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint + "/sse"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Accept", "text/event-stream")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (stream.statusCode() != 200) {
        return new SessionResult(latencies, 1, "GET /sse answered " + stream.statusCode());
      }
      BufferedReader events =
          new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
      String[] endpointEvent = next(events);
      if (endpointEvent == null || !"endpoint".equals(endpointEvent[0])) {
        return new SessionResult(latencies, 1, "no endpoint event");
      }
      URI messages = URI.create(endpoint + "/sse").resolve(endpointEvent[1]);
      int id = 0;
      while (System.nanoTime() < deadline) {
        id++;
        String query =
            WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        String body =
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"search_servers\",\"arguments\":{\"query\":\""
                + query
                + "\",\"limit\":5}}}";
        long start = System.nanoTime();
        HttpResponse<String> posted =
            http.send(
                HttpRequest.newBuilder(messages)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        String problem = null;
        if (posted.statusCode() != 202) {
          problem = "POST answered " + posted.statusCode() + ": " + posted.body();
        } else {
          String[] event = next(events);
          if (event == null) {
            problem = "the stream ended";
          } else if (!event[1].contains("\"id\":" + id + ",")
              && !event[1].contains("\"id\":" + id + "}")) {
            problem = "an event for another call: " + clip(event[1]);
          } else if (event[1].contains("\"error\"") || event[1].contains("\"isError\":true")) {
            problem = "error answer: " + clip(event[1]);
          }
        }
        if (problem == null) {
          latencies.add(System.nanoTime() - start);
        } else {
          errors++;
          firstError = firstError == null ? problem : firstError;
          if (posted.statusCode() != 202) {
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      errors++;
      firstError = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (stream != null) {
        try {
          stream.body().close();
        } catch (IOException e) {
          // closing is all that is wanted
        }
      }
    }
    return new SessionResult(latencies, errors, firstError);
  }

  private static void overflow(HttpClient http, String endpoint, int count) throws Exception {
    List<HttpResponse<InputStream>> open = new ArrayList<>();
    int[] statuses = new int[600];
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<HttpResponse<InputStream>>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(
          pool.submit(
              () ->
                  http.send(
                      HttpRequest.newBuilder(URI.create(endpoint + "/sse"))
                          .timeout(Duration.ofSeconds(30))
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofInputStream())));
    }
    for (Future<HttpResponse<InputStream>> f : futures) {
      HttpResponse<InputStream> r = f.get();
      statuses[Math.min(599, r.statusCode())]++;
      open.add(r);
    }
    pool.shutdown();
    System.out.printf(
        "overflow: %d streams opened at once: %d answered 200, %d answered 503, others %d%n",
        count, statuses[200], statuses[503], count - statuses[200] - statuses[503]);
    for (HttpResponse<InputStream> r : open) {
      r.body().close();
    }
  }

  /**
   * @return the next event as {type, data}, or null at the end of the stream
   */
  private static String[] next(BufferedReader in) throws IOException {
    String type = "message";
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new String[] {type, data.toString()};
        }
        type = "message";
      } else if (line.startsWith("event:")) {
        type = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return null;
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /**
   * @return resident memory and thread count of a process, from /proc
   */
  private static String process(long pid) throws IOException {
    if (pid <= 0) {
      return "(no --server-pid)";
    }
    List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
    String rss = lines.stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?");
    String threads =
        lines.stream().filter(l -> l.startsWith("Threads:")).findFirst().orElse("Threads: ?");
    return String.join(
        ", ",
        Arrays.asList(
            rss.replaceAll("\\s+", " "),
            threads.replaceAll("\\s+", " "),
            "heap used after a full GC: " + heapAfterGc(pid)));
  }

  /**
   * A JVM keeps the heap it grew to, so its resident memory says little about a leak; the heap
   * still in use after a full collection does. Asks the server through {@code jcmd} (same user,
   * same machine).
   */
  private static String heapAfterGc(long pid) {
    try {
      run("jcmd", Long.toString(pid), "GC.run");
      long usedK = 0;
      // the generations' "total ..K, used ..K" lines (young and old), not Metaspace
      for (String line : run("jcmd", Long.toString(pid), "GC.heap_info").split("\n")) {
        int used = line.indexOf(" used ");
        if (line.contains(" total ")
            && used >= 0
            && !line.contains("Metaspace")
            && !line.contains("class space")) {
          usedK += Long.parseLong(line.substring(used + 6).trim().split("K")[0]);
        }
      }
      return usedK > 0 ? (usedK / 1024) + " MB" : "?";
    } catch (IOException e) {
      return "? (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
