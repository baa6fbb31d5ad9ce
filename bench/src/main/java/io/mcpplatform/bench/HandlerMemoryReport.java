package io.mcpplatform.bench;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.aws.store.RegistryTable;
import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.embedded.store.FileRegistryStore;
import io.mcpplatform.health.HealthCheckHandler;
import io.mcpplatform.health.ScheduledEvents;
import io.mcpplatform.maps.MapsApp;
import io.mcpplatform.maps.MapsHandler;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.registry.RegistryApp;
import io.mcpplatform.registry.RegistryConfig;
import io.mcpplatform.registry.RegistryHandler;
import io.mcpplatform.registry.auth.LocalSigningKey;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Peak memory of one function's handler over many local invocations, in a fresh JVM sized like its
 * Lambda (run it with {@code -Xmx} about 85% of the configured memory): invokes the handler
 * in-process with the function's {@code events/} files in turn, as deployed (JSON logs and EMF
 * metrics on standard output, through Powertools), and reports the process's peak resident set
 * (VmHWM from /proc/self/status), the peak heap in use and the CPU time spent.
 *
 * <p>Run it on the deployable jar, so that its classes and logging are the ones Lambda runs:
 *
 * <pre>
 * java -Xmx870m -XX:+UseSerialGC -cp functions/registry/target/registry.jar:bench/target/classes \
 *   io.mcpplatform.bench.HandlerMemoryReport registry 1000 &gt;/dev/null
 * </pre>
 *
 * {@code registry} runs against the embedded store in a temporary directory, or, with {@code
 * DYNAMODB_ENDPOINT} set (dynalite started with {@code --createTableMs 0}), against a new table
 * there through the AWS SDK as on Lambda; {@code maps} answers from the offline gazetteer; {@code
 * health-checker URL...} needs {@code functions/embedded/target/classes} on the classpath too and
 * probes the given MCP endpoints (a local system on loopback) plus one dead port per run. The
 * report goes to standard error.
 */
public final class HandlerMemoryReport {

  private HandlerMemoryReport() {}

  /**
   * @param args function ({@code registry}, {@code maps}, {@code health-checker}), invocations,
   *     then for the health checker the MCP URLs to probe
   * @throws Exception if the handler cannot be built
   */
  public static void main(String[] args) throws Exception {
    String function = args[0];
    int invocations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path events = Path.of("events", function);
    Path data = Files.createTempDirectory("memory-" + function);
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    HeapPeak heap = new HeapPeak();
    switch (function) {
      case "registry" -> registry(events, data, invocations, heap);
      case "maps" -> maps(events, invocations, heap);
      case "health-checker" ->
          healthChecker(events, data, invocations, List.of(args).subList(2, args.length), heap);
      default -> throw new IllegalArgumentException("unknown function " + function);
    }
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (cpuNanos() - cpuStart) / 1_000_000;
    System.err.printf(
        "%s: %d invocations in %d ms wall, %d ms CPU; peak RSS (VmHWM) %d MB; peak heap used %d MB"
            + " (sampled after each invocation), heap committed %d MB of max %d MB; load average %s%n",
        function,
        invocations,
        wallMs,
        cpuMs,
        vmHwmKb() / 1024,
        heap.peak / (1 << 20),
        Runtime.getRuntime().totalMemory() / (1 << 20),
        Runtime.getRuntime().maxMemory() / (1 << 20),
        Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static void registry(Path events, Path data, int invocations, HeapPeak heap)
      throws IOException {
    // the example key that signs the token in events/registry/register-server.json (valid only for
    // those events)
    Files.writeString(
        data.resolve(LocalSigningKey.FILE_NAME),
        "ZXZlbnRzLWV4YW1wbGUtc2lnbmluZy1rZXktZG8tbm90LXVzZS0wMTIz");
    RegistryConfig config =
        new RegistryConfig(null, null, null, data, UrlPolicy.HTTPS_ONLY, Duration.ZERO);
    LambdaObservability observability =
        LambdaObservability.withTracer(RegistryHandler.SERVICE, null);
    try (RegistryApp app =
        new RegistryApp(
            registryStore(data),
            config,
            null,
            RegistryApp.defaultProbe(config),
            RegistryApp.signingKey(config),
            Clock.systemUTC(),
            observability)) {
      RegistryHandler handler = new RegistryHandler(app, observability);
      // the example token cannot outlive the registry's token lifetime cap: sign a current one with
      // its key
      String token =
          app.tokens()
              .issue("events-example", Permission.publishAndEdit("*"), Duration.ofMinutes(15));
      List<byte[]> files =
          read(events).stream()
              .map(
                  f ->
                      new String(f, StandardCharsets.UTF_8)
                          .replaceAll("Bearer [A-Za-z0-9_.-]+", "Bearer " + token)
                          .getBytes(StandardCharsets.UTF_8))
              .toList();
      for (int i = 0; i < invocations; i++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
            new ByteArrayInputStream(files.get(i % files.size())),
            out,
            new InvocationContext("memory-" + i, "registry", 20_000));
        heap.sample();
      }
    }
  }

  private static RegistryStore registryStore(Path data) throws IOException {
    String endpoint = System.getenv("DYNAMODB_ENDPOINT");
    if (endpoint == null || endpoint.isBlank()) {
      return FileRegistryStore.open(data);
    }
    DynamoDbClient client = DynamoDbClientFactory.createLocal(URI.create(endpoint));
    String table = "memory-report-" + ProcessHandle.current().pid();
    client.createTable(RegistryTable.createTableRequest(table));
    return new DynamoDbRegistryStore(client, table);
  }

  private static void maps(Path events, int invocations, HeapPeak heap) throws IOException {
    MapsHandler handler =
        new MapsHandler(MapsApp.local(), LambdaObservability.withTracer(MapsHandler.SERVICE, null));
    List<byte[]> files = read(events);
    for (int i = 0; i < invocations; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(files.get(i % files.size())),
          out,
          new InvocationContext("memory-" + i, "maps", 15_000));
      heap.sample();
    }
  }

  private static void healthChecker(
      Path events, Path data, int invocations, List<String> urls, HeapPeak heap)
      throws IOException {
    try (FileRegistryStore store = FileRegistryStore.open(data)) {
      List<String> targets = new ArrayList<>(urls);
      try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
        targets.add("http://127.0.0.1:" + closed.getLocalPort() + "/mcp");
      }
      for (int i = 0; i < targets.size(); i++) {
        store.saveRegistration(
            ServerEntry.builder("server-" + i, "server " + i, "1.0.0")
                .remotes(List.of(new Remote(Remote.STREAMABLE_HTTP, targets.get(i), null)))
                .build(),
            0,
            Instant.now());
      }
      HealthCheckService checks =
          new HealthCheckService(
              store,
              new McpHealthProbe(ProbeSettings.defaults(AddressPolicy.allowingLoopback())),
              Clock.systemUTC(),
              null);
      HealthCheckHandler handler =
          new HealthCheckHandler(
              checks, 8, 1_000, LambdaObservability.withTracer(HealthCheckHandler.SERVICE, null));
      List<ScheduledEvent> files = new ArrayList<>();
      for (byte[] file : read(events)) {
        files.add(ScheduledEvents.fromJson(file));
      }
      for (int i = 0; i < invocations; i++) {
        handler.handleRequest(
            files.get(i % files.size()),
            new InvocationContext("memory-" + i, "health-checker", 180_000));
        heap.sample();
      }
    }
  }

  private static List<byte[]> read(Path dir) throws IOException {
    List<byte[]> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        files.add(Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static long vmHwmKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The largest heap in use seen after an invocation (before any collection reclaims it). */
  private static final class HeapPeak {
    private final List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private long peak;

    void sample() {
      long used = 0;
      for (MemoryPoolMXBean pool : pools) {
        used += pool.getUsage().getUsed();
      }
      peak = Math.max(peak, used);
    }
  }
}
