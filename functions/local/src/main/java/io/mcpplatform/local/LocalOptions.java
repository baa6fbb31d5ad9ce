package io.mcpplatform.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./run-local}: a command ({@code start}, {@code invoke}) with its
 * options.
 *
 * @param command {@code start}, {@code invoke}, {@code reindex} or {@code help}
 * @param host address to bind
 * @param port port to bind, 0 for any free port
 * @param dataDir where the local system keeps its data
 * @param arguments positional arguments of the command
 * @param healthIntervalSeconds time between health check runs
 * @param denyLoopbackProbes whether the health checker refuses loopback servers
 */
record LocalOptions(
    String command,
    String host,
    int port,
    Path dataDir,
    List<String> arguments,
    int healthIntervalSeconds,
    boolean denyLoopbackProbes) {

  static final String USAGE =
      """
      Usage:
        ./run-local [--port PORT] [--host ADDRESS] [--data-dir DIR] [--health-interval SECONDS]
                    [--deny-loopback-probes] [--response-mode auto|json|sse]
            Start every function on loopback in the foreground (Ctrl-C stops).
            Defaults: --port 3000, --host 127.0.0.1, --data-dir .local/data, --health-interval 300.
            The health checker probes every server each interval; POST /admin/health-check runs it at
            once. It may probe loopback servers unless --deny-loopback-probes is given.
            --response-mode (MCP_RESPONSE_MODE): auto streams server-sent events when a client accepts them
            and asks for progress, json never does, sse does whenever a client accepts them.
        ./run-local invoke FUNCTION EVENT_FILE [--data-dir DIR]
            Run one Lambda handler once, in-process, on an event file from events/ (as `sam local invoke`
            would, without Docker) and print the handler's response.
            FUNCTION: registry, maps (API Gateway events) or health-checker (EventBridge scheduled event)
        ./run-local reindex [--data-dir DIR]
            Compute and store the search vectors of every entry that lacks them or has another model's
            (entries written before vectors existed, or after a model change). With TABLE_NAME and AWS
            credentials in the environment: the DynamoDB table of a deployed registry instead.
        ./run-local token --namespace PATTERN [--data-dir DIR] [--ttl MINUTES]
            Print a bearer token for writes to the local registry on the last line ('*' for an admin).
        ./run-local --help
      """;

  /**
   * @param args the command line
   * @param home the project folder, for the default data directory
   * @return the parsed options
   * @throws UsageException naming the bad option
   */
  static LocalOptions parse(String[] args, Path home) {
    String command = "start";
    String host = "127.0.0.1";
    int port = 3000;
    Path dataDir = home.resolve(".local").resolve("data");
    List<String> positional = new ArrayList<>();
    int healthInterval = 300;
    boolean denyLoopback = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help", "help" -> {
          return new LocalOptions(
              "help", host, port, dataDir, List.of(), healthInterval, denyLoopback);
        }
        case "--port" -> port = port(value(args, ++i, arg));
        case "--host" -> host = value(args, ++i, arg);
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--health-interval" -> healthInterval = seconds(value(args, ++i, arg));
        case "--deny-loopback-probes" -> denyLoopback = true;
        default -> {
          if (arg.startsWith("--port=")) {
            port = port(arg.substring("--port=".length()));
          } else if (arg.startsWith("--host=")) {
            host = arg.substring("--host=".length());
          } else if (arg.startsWith("--health-interval=")) {
            healthInterval = seconds(arg.substring("--health-interval=".length()));
          } else if (arg.startsWith("--data-dir=")) {
            dataDir = Path.of(arg.substring("--data-dir=".length()));
          } else if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          } else {
            positional.add(arg);
          }
        }
      }
    }
    if (!positional.isEmpty()
        && (positional.get(0).equals("invoke")
            || positional.get(0).equals("start")
            || positional.get(0).equals("reindex"))) {
      command = positional.remove(0);
    }
    if (command.equals("start") && !positional.isEmpty()) {
      throw new UsageException(
          "unknown command '" + positional.get(0) + "' (commands: start, invoke, reindex)");
    }
    if (command.equals("invoke") && positional.size() != 2) {
      throw new UsageException(
          "invoke needs FUNCTION and EVENT_FILE, e.g. ./run-local invoke registry"
              + " events/registry/tools-list.json");
    }
    return new LocalOptions(
        command,
        host,
        port,
        dataDir.toAbsolutePath().normalize(),
        List.copyOf(positional),
        healthInterval,
        denyLoopback);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int seconds(String raw) {
    try {
      int seconds = Integer.parseInt(raw);
      if (seconds >= 1 && seconds <= 86_400) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--health-interval must be a number of seconds from 1 to 86400, got '" + raw + "'");
  }

  private static int port(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port must be a number from 0 to 65535, got '" + raw + "'");
  }

  /** A command line the launcher cannot run. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
