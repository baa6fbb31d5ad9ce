package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.health.RunSummary;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.embedded.store.FileStoreOptions;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The health checker's figures on loopback: one run over 1,000 registered servers of which 5% are
 * dead (closed ports) and 5% never answer (accept, then silence until the 10 s total timeout); the
 * checker CPU of one healthy check; the cost of a dead server and of one whose connect never
 * completes.
 *
 * <p>Run with {@code java -Xmx512m -cp <bench classpath> io.mcpplatform.bench.HealthCheckLoad
 * [servers] [concurrency]}. The servers run in the same JVM (one Jetty serving every healthy URL).
 */
public final class HealthCheckLoad {

  private HealthCheckLoad() {}

  public static void main(String[] args) throws Exception {
    int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int dead = servers / 20;
    int silent = servers / 20;
    Path dir = Files.createTempDirectory("health-bench");
    Server jetty = healthyServers();
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    List<Socket> held = new CopyOnWriteArrayList<>();
    ServerSocket silentServer = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                try {
                  held.add(silentServer.accept());
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    List<Integer> deadPorts = new ArrayList<>();
    for (int i = 0; i < dead; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        deadPorts.add(s.getLocalPort());
      }
    }
    McpHealthProbe probe =
        new McpHealthProbe(ProbeSettings.defaults(AddressPolicy.allowingLoopback()));
    try (FileRegistryStore store =
        FileRegistryStore.open(dir, new FileStoreOptions(false, 100_000))) {
      for (int i = 0; i < servers; i++) {
        String url;
        if (i % 20 == 7) {
          url = "http://127.0.0.1:" + deadPorts.get(i / 20) + "/mcp";
        } else if (i % 20 == 13) {
          url = "http://127.0.0.1:" + silentServer.getLocalPort() + "/s" + i + "/mcp";
        } else {
          url = "http://127.0.0.1:" + port + "/s" + i + "/mcp";
        }
        store.saveRegistration(
            ServerEntry.builder("server-" + i, "Server " + i, "1.0.0")
                .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, url, null)))
                .build(),
            0,
            Instant.now());
      }
      HealthCheckService checks = new HealthCheckService(store, probe, Clock.systemUTC(), null);
      System.gc();
      resetPeaks();
      RunSummary run = checks.checkAll(concurrency, () -> Long.MAX_VALUE, 0);
      long peakHeap = peakHeapBytes();
      System.out.printf(
          "run: %d servers (%d dead, %d silent), concurrency %d: %d checked, %d up, %d down,"
              + " %d errors in %.1f s; peak heap %d MB (max %d MB)%n",
          servers,
          dead,
          silent,
          concurrency,
          run.checked(),
          run.up(),
          run.down(),
          run.errors(),
          run.durationMillis() / 1000.0,
          peakHeap >> 20,
          Runtime.getRuntime().maxMemory() >> 20);

      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int samples = Math.min(300, servers - dead - silent);
      long cpu = 0;
      int measured = 0;
      for (int i = 0; i < servers && measured < samples; i++) {
        if (i % 20 == 7 || i % 20 == 13) {
          continue;
        }
        long before = threads.getCurrentThreadCpuTime();
        checks.check("server-" + i);
        cpu += threads.getCurrentThreadCpuTime() - before;
        measured++;
      }
      System.out.printf(
          "healthy check (probe + history + health write), checker thread CPU: %.2f ms mean over"
              + " %d checks%n",
          cpu / 1e6 / measured, measured);

      long worstDead = 0;
      for (int p : deadPorts) {
        long t0 = System.nanoTime();
        probe.probe(new Remote(Remote.STREAMABLE_HTTP, "http://127.0.0.1:" + p + "/mcp", null));
        worstDead = Math.max(worstDead, System.nanoTime() - t0);
      }
      System.out.printf(
          "dead server (closed port): worst %.1f ms over %d probes%n",
          worstDead / 1e6, deadPorts.size());

      try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          Socket s = new Socket();
          try {
            s.connect(full.getLocalSocketAddress(), 200);
            fillers.add(s);
          } catch (IOException e) {
            s.close();
          }
        }
        long t0 = System.nanoTime();
        ProbeResult r =
            probe.probe(
                new Remote(
                    Remote.STREAMABLE_HTTP,
                    "http://127.0.0.1:" + full.getLocalPort() + "/mcp",
                    null));
        System.out.printf(
            "server whose connect never completes (full accept queue): %.0f ms, %s%n",
            (System.nanoTime() - t0) / 1e6, r.detail());
        for (Socket s : fillers) {
          s.close();
        }
      }
    } finally {
      silentServer.close();
      for (Socket s : held) {
        s.close();
      }
      jetty.stop();
    }
  }

  private static Server healthyServers() throws Exception {
    String input = "{\"type\":\"object\",\"properties\":{}}";
    SyncToolSpecification ping =
        new SyncToolSpecification(
            McpSchema.Tool.builder("ping", McpJsonDefaults.getMapper(), input)
                .description("Answers pong")
                .build(),
            (context, request) -> CallToolResult.builder().addTextContent("pong").build());
    StatelessMcpServlet servlet =
        StatelessMcpServlet.builder("bench-server", "1.0.0").tools(List.of(ping)).build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(servlet), "/*");
    server.setHandler(context);
    server.start();
    return server;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
