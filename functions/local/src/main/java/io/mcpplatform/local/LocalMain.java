package io.mcpplatform.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.core.health.AddressPolicy;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.embedding.BackgroundEmbedder;
import io.mcpplatform.embedding.MiniLmEmbedder;
import io.mcpplatform.health.HealthCheckHandler;
import io.mcpplatform.health.HealthCheckerConfig;
import io.mcpplatform.health.ScheduledEvents;
import io.mcpplatform.local.http.LocalHttpServer;
import io.mcpplatform.maps.MapsApp;
import io.mcpplatform.maps.MapsHandler;
import io.mcpplatform.probe.McpHealthProbe;
import io.mcpplatform.probe.ProbeSettings;
import io.mcpplatform.registry.RegistryApp;
import io.mcpplatform.registry.RegistryConfig;
import io.mcpplatform.registry.RegistryHandler;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run-local}: the whole system on loopback with embedded defaults, or one handler run once
 * on an event file. Prints only messages meant for a person; never a stack trace.
 */
public final class LocalMain {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final PrintStream out;
  private final PrintStream err;

  LocalMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * @param args the command line; see {@link LocalOptions#USAGE}
   */
  public static void main(String[] args) {
    int code = new LocalMain(System.out, System.err).run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  int run(String[] args) {
    if (args.length > 0 && args[0].equals("token")) {
      String home = System.getenv("MCP_LOCAL_HOME");
      return TokenCommand.run(
          List.of(args).subList(1, args.length), Path.of(home == null ? "." : home), out, err);
    }
    LocalOptions options;
    try {
      String home = System.getenv("MCP_LOCAL_HOME");
      options = LocalOptions.parse(args, Path.of(home == null ? "." : home));
    } catch (LocalOptions.UsageException e) {
      err.println("run-local: " + e.getMessage());
      err.print(LocalOptions.USAGE);
      return 2;
    }
    try {
      return switch (options.command()) {
        case "help" -> {
          out.print(LocalOptions.USAGE);
          yield 0;
        }
        case "invoke" -> invoke(options);
        case "reindex" -> reindex(options);
        default -> start(options);
      };
    } catch (StoreUnavailableException
        | IOException
        | IllegalArgumentException
        | IllegalStateException e) {
      err.println("run-local: " + e.getMessage());
      return 1;
    }
  }

  private int start(LocalOptions options) throws IOException {
    LocalSystem system =
        LocalSystem.start(
            options.host(),
            options.port(),
            options.dataDir(),
            java.time.Duration.ofSeconds(options.healthIntervalSeconds()),
            options.denyLoopbackProbes());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  system.close();
                  stopped.countDown();
                },
                "run-local-shutdown"));
    out.print(system.banner());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int invoke(LocalOptions options) throws IOException {
    String function = options.arguments().get(0);
    Path eventFile = Path.of(options.arguments().get(1));
    byte[] event;
    try {
      event = Files.readAllBytes(eventFile);
    } catch (NoSuchFileException e) {
      err.println("run-local: no such event file: " + eventFile);
      return 2;
    }
    if (function.equals("maps")) {
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      new MapsHandler(MapsApp.local())
          .handleRequest(new ByteArrayInputStream(event), response, invocation(function));
      out.println(pretty(response.toString(StandardCharsets.UTF_8)));
      return 0;
    }
    if (function.equals("health-checker")) {
      return invokeHealthChecker(options, event);
    }
    if (!function.equals("registry")) {
      err.println(
          "run-local: unknown function '"
              + function
              + "' (functions: registry, maps, health-checker)");
      return 2;
    }
    RegistryConfig config = RegistryConfig.local(options.dataDir().resolve("registry"));
    try (RegistryApp app =
        new RegistryApp(
            RegistryApp.openStore(config),
            config,
            null,
            RegistryApp.defaultProbe(config),
            BackgroundEmbedder.miniLmOnDemand())) {
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      new RegistryHandler(app)
          .handleRequest(new ByteArrayInputStream(event), response, invocation(function));
      out.println(pretty(response.toString(StandardCharsets.UTF_8)));
    }
    return 0;
  }

  /**
   * Computes and stores the vectors of every entry that has none (written before vectors existed),
   * has another model's, or stale ones: after a model change. With {@code TABLE_NAME} (and AWS
   * credentials) in the environment it re-embeds the DynamoDB table of a deployed registry, else
   * the local data.
   */
  private int reindex(LocalOptions options) {
    RegistryConfig config =
        System.getenv("TABLE_NAME") != null
            ? RegistryConfig.fromEnvironment()
            : RegistryConfig.local(options.dataDir().resolve("registry"));
    try (RegistryApp app =
        new RegistryApp(
            RegistryApp.openStore(config),
            config,
            null,
            RegistryApp.defaultProbe(config),
            MiniLmEmbedder.load())) {
      int embedded = app.service().reindex();
      out.println("reindex: " + embedded + " entries embedded with " + MiniLmEmbedder.MODEL_ID);
    }
    return 0;
  }

  /**
   * Runs the scheduled health check once over the local registry's data, loopback servers allowed
   * (the local servers live there), and prints the run summary the handler returns.
   */
  private int invokeHealthChecker(LocalOptions options, byte[] event) {
    ScheduledEvent scheduled;
    try {
      scheduled = ScheduledEvents.fromJson(event);
    } catch (IllegalArgumentException e) {
      err.println(
          "run-local: health-checker takes an EventBridge scheduled event: " + e.getMessage());
      return 2;
    }
    RegistryConfig config = RegistryConfig.local(options.dataDir().resolve("registry"));
    try (RegistryApp app = new RegistryApp(RegistryApp.openStore(config), config, null)) {
      HealthCheckService checks =
          new HealthCheckService(
              app.store(),
              new McpHealthProbe(ProbeSettings.defaults(AddressPolicy.allowingLoopback())),
              Clock.systemUTC(),
              null);
      Map<String, Object> summary =
          new HealthCheckHandler(
                  checks,
                  HealthCheckerConfig.DEFAULT_CONCURRENCY,
                  1_000,
                  LambdaObservability.none())
              .handleRequest(scheduled, invocation("health-checker"));
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    }
    return 0;
  }

  /**
   * Pretty-prints the proxy response, with a JSON body shown as JSON rather than as an escaped
   * string.
   */
  private static String pretty(String raw) {
    try {
      JsonNode response = JSON.readTree(raw);
      if (response.isObject() && response.path("body").isString()) {
        String body = response.get("body").asString();
        try {
          JsonNode parsed = JSON.readTree(body);
          if (parsed != null && (parsed.isObject() || parsed.isArray())) {
            ((tools.jackson.databind.node.ObjectNode) response).set("body", parsed);
          }
        } catch (JacksonException notJson) {
          // leave the body as the string it is
        }
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response);
    } catch (JacksonException e) {
      return raw;
    }
  }

  static List<String> endpointLines(String base) {
    List<String> lines = new ArrayList<>();
    lines.add("  web catalog      GET  " + base + "/   (browse and search servers in a browser)");
    lines.add("  registry (MCP)   POST " + base + RegistryApp.MCP_PATH);
    lines.add(
        "  registry (REST)  GET  "
            + base
            + "/v0.1/servers   (official registry API; writes need"
            + " ./run-local token)");
    lines.add("  maps (MCP)       POST " + base + MapsApp.MCP_PATH);
    lines.add(
        "  legacy SSE       GET  "
            + base
            + "/registry/sse, "
            + base
            + "/maps/sse   (protocol 2024-11-05)");
    lines.add("  liveness         GET  " + base + LocalHttpServer.HEALTH_PATH);
    lines.add(
        "  health checks    POST "
            + base
            + HealthCheckTriggerServlet.PATH
            + "   (run now; also on a timer)");
    return lines;
  }

  /** The Lambda context of one in-process invocation: a fresh request id and a 30 s budget. */
  private static InvocationContext invocation(String function) {
    return new InvocationContext(java.util.UUID.randomUUID().toString(), function, 30_000);
  }
}
