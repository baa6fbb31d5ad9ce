package io.mcpplatform.client.bench;

import io.mcpplatform.client.agent.Discovery;
import io.mcpplatform.client.agent.Toolbox;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.client.registry.RegistryClient;
import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.local.LocalSystem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's figures for BENCHMARKS.md, against the real local system (in this JVM, on loopback)
 * with 50 registered servers (its maps server and 49 generated ones, 198 tools):
 *
 * <ol>
 *   <li>tool definitions sent for a question one tool answers, against sending every tool (bytes);
 *   <li>{@code ./mcp ask}: discovery plus connection, as the process reports it ({@code discovery N
 *       ms}): from the start of discovery, before the registry connection is opened, to the tools
 *       being ready for the model (registry handshake, search, handshakes with the chosen servers,
 *       {@code tools/list}); and the time from the script's start to the same point ({@code tools
 *       ready N ms after launch}), JVM start and argument parsing included;
 *   <li>{@code ./mcp call} end to end as a whole process, through the script and with plain {@code
 *       java -jar};
 *   <li>{@code ./mcp --help}: the JVM and jar floor of every command.
 * </ol>
 *
 * Each process row gives wall time and the CPU time of the process (user + system, from the
 * harness's {@code /proc/self/stat} children times, Linux), which a busy machine inflates much less
 * than wall time. The first run of each row is a warm-up (the first {@code ./mcp} run after a build
 * also writes the script's class-data archive; the harness deletes a stale one first).
 *
 * <p>Run from the repository root (builds nothing into {@code ~/.m2}):
 *
 * <pre>
 * mvn -B -q -o -pl client -am -DskipTests package dependency:build-classpath \
 *   -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp "client/target/test-classes:client/target/classes:$(cat client/target/test-classpath.txt)" \
 *   -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.mcpplatform.client.bench.ClientBenchmark RUNS [PORT]
 * </pre>
 */
public final class ClientBenchmark {

  private static final String QUESTION = "What are the coordinates of the Eiffel Tower?";
  private static final Pattern DISCOVERY =
      Pattern.compile("discovery (\\d+) ms, tools ready (\\d+) ms after launch");
  private static final PrintStream OUT = System.out;
  private static final long MILLIS_PER_TICK = 10;

  private ClientBenchmark() {}

  /**
   * @param args number of process runs per row (default 10), then the local system's port (default
   *     any); or {@code serve [PORT]}: start the same system and a fake Messages server, print the
   *     environment for running {@code ./mcp ask} by hand (for profiling one run), and wait until
   *     killed
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      serve(args.length > 1 ? Integer.parseInt(args[1]) : 0);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path repo = repository();
    Path jar = repo.resolve("client/target/mcp-client.jar");
    Files.deleteIfExists(repo.resolve("client/target/mcp-client.jsa"));
    Path data = Files.createTempDirectory("client-bench");
    OUT.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
    try (LocalSystem system = LocalSystem.start("127.0.0.1", port, data);
        BenchCatalog catalog = new BenchCatalog(49)) {
      catalog.register(system);
      toolBudget(system.baseUrl());
      ask(repo, system.baseUrl(), runs);
      Map<String, String> env = Map.of("MCP_REGISTRY_URL", system.baseUrl());
      List<String> call = List.of("call", "maps", "get_location", "location=Paris");
      row("./mcp call (script: C1, serial GC, CDS archive)", repo, script(repo, call), env, runs);
      row(
          "java -jar mcp-client.jar call (JVM defaults)",
          repo,
          concat(List.of("java", "-jar", jar.toString()), call),
          env,
          runs);
      row("./mcp --help (JVM and jar floor)", repo, script(repo, List.of("--help")), env, runs);
    }
    OUT.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    System.exit(0);
  }

  private static void serve(int port) throws Exception {
    Path data = Files.createTempDirectory("client-bench");
    try (LocalSystem system = LocalSystem.start("127.0.0.1", port, data);
        BenchCatalog catalog = new BenchCatalog(49);
        FakeLlmServer llm = FakeLlmServer.start()) {
      catalog.register(system);
      toolBudget(system.baseUrl());
      for (int i = 0; i < 10_000; i++) {
        llm.reply(
                FakeLlmServer.anthropicToolUse(
                    "t" + i, "maps__get_location", "{\"location\":\"Paris\"}"))
            .reply(FakeLlmServer.anthropicText("48.8584, 2.2945"));
      }
      OUT.printf(
          Locale.ROOT,
          "export MCP_REGISTRY_URL=%s ANTHROPIC_API_KEY=bench ANTHROPIC_BASE_URL=%s%n",
          system.baseUrl(),
          llm.baseUrl());
      OUT.printf(Locale.ROOT, "./mcp ask \"%s\"%n", QUESTION);
      Thread.currentThread().join();
    }
  }

  private static Path repository() {
    for (String start :
        new String[] {
          System.getProperty("maven.multiModuleProjectDirectory"), System.getProperty("user.dir")
        }) {
      for (Path p = start == null ? null : Path.of(start).toAbsolutePath().normalize();
          p != null;
          p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("mcp")) && Files.isDirectory(p.resolve("client"))) {
          return p;
        }
      }
    }
    throw new IllegalStateException("Run from the repository (the folder holding ./mcp)");
  }

  private static void toolBudget(String base) {
    ServerConnector connector = ServerConnector.withDefaults();
    try (RegistryClient registry = new RegistryClient(base, connector);
        Discovery discovery =
            new Discovery(
                registry,
                connector,
                HeaderCredentials.load(Map.of(), null),
                Discovery.Options.DEFAULT)) {
      Discovery.Found found = discovery.discover(QUESTION, QUESTION);
      long sent = JsonMapper.shared().writeValueAsBytes(found.toolbox().specs()).length;
      Toolbox all = new Toolbox(Toolbox.DEFAULT_MAX_RESULT_CHARS);
      List<ServerSession> sessions = new ArrayList<>();
      List<CatalogServer> everyServer = registry.search(null, 100).servers();
      for (CatalogServer s : everyServer) {
        ServerSession session = connector.connect(s.name(), s.remote().url(), Map.of());
        sessions.add(session);
        for (McpTool tool : session.tools()) {
          all.add(session, tool);
        }
      }
      long every = JsonMapper.shared().writeValueAsBytes(all.specs()).length;
      sessions.forEach(ServerSession::close);
      OUT.printf(Locale.ROOT, "tool budget: question \"%s\"%n", QUESTION);
      OUT.printf(
          Locale.ROOT,
          "  servers matched %d, connected %s, tools sent %s%n",
          found.matched(),
          found.servers(),
          found.toolbox().names());
      OUT.printf(
          Locale.ROOT,
          "  tool definitions sent: %d tools, %,d bytes (~%,d tokens at 4 bytes/token)%n",
          found.toolbox().specs().size(),
          sent,
          sent / 4);
      OUT.printf(
          Locale.ROOT,
          "  every tool of the %d registered servers: %d tools, %,d bytes (~%,d tokens)%n",
          everyServer.size(),
          all.specs().size(),
          every,
          every / 4);
      OUT.printf(Locale.ROOT, "  ratio: %.1f%%%n", 100.0 * sent / every);
    }
  }

  private static void ask(Path repo, String base, int runs) throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      long[] discovery = new long[runs];
      long[] ready = new long[runs];
      long[] wall = new long[runs];
      long[] cpu = new long[runs];
      Map<String, String> env =
          Map.of(
              "MCP_REGISTRY_URL",
              base,
              "ANTHROPIC_API_KEY",
              "bench",
              "ANTHROPIC_BASE_URL",
              llm.baseUrl());
      for (int i = -1; i < runs; i++) {
        llm.reply(
                FakeLlmServer.anthropicToolUse(
                    "t" + i, "maps__get_location", "{\"location\":\"Paris\"}"))
            .reply(FakeLlmServer.anthropicText("48.8584, 2.2945"));
        Result r = run(repo, script(repo, List.of("ask", QUESTION)), env);
        Matcher m = DISCOVERY.matcher(r.err());
        if (r.code() != 0 || !m.find()) {
          throw new IllegalStateException("./mcp ask failed: " + r.err());
        }
        if (i >= 0) {
          discovery[i] = Long.parseLong(m.group(1));
          ready[i] = Long.parseLong(m.group(2));
          wall[i] = r.millis();
          cpu[i] = r.cpuMillis();
        }
      }
      OUT.printf(
          Locale.ROOT,
          "./mcp ask (fake Messages server): discovery + connection %s%n",
          stats(discovery));
      OUT.printf(
          Locale.ROOT,
          "  tools ready after launch (./mcp started → tools ready, JVM start included) %s%n",
          stats(ready));
      OUT.printf(Locale.ROOT, "  whole process: wall %s; CPU %s%n", stats(wall), stats(cpu));
    }
  }

  private static void row(
      String label, Path repo, List<String> command, Map<String, String> env, int runs)
      throws Exception {
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    for (int i = -1; i < runs; i++) {
      Result r = run(repo, command, env);
      if (r.code() != 0) {
        throw new IllegalStateException(label + " failed: " + r.err());
      }
      if (i >= 0) {
        wall[i] = r.millis();
        cpu[i] = r.cpuMillis();
      }
    }
    OUT.printf(Locale.ROOT, "%s: wall %s; CPU %s%n", label, stats(wall), stats(cpu));
  }

  private static List<String> script(Path repo, List<String> words) {
    return concat(List.of(repo.resolve("mcp").toString()), words);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private record Result(int code, String err, long millis, long cpuMillis) {}

  private static Result run(Path repo, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
    builder.environment().putAll(env);
    Path err = Files.createTempFile("bench", ".err");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    long cpuBefore = childrenCpuMillis();
    long start = System.nanoTime();
    Process p = builder.start();
    int code = p.waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpu = childrenCpuMillis() - cpuBefore;
    String text = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Result(code, text, millis, cpu);
  }

  /**
   * User + system time of this JVM's waited-for children (fields cutime, cstime of
   * /proc/self/stat).
   */
  private static long childrenCpuMillis() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    if (!Files.isReadable(stat)) {
      return 0;
    }
    String text = Files.readString(stat, StandardCharsets.US_ASCII);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MILLIS_PER_TICK;
  }

  private static String loadAverage() throws IOException {
    Path load = Path.of("/proc/loadavg");
    return Files.isReadable(load)
        ? Files.readString(load, StandardCharsets.US_ASCII).trim()
        : "n/a";
  }

  private static String stats(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return String.format(
        Locale.ROOT,
        "median %d ms (min %d, max %d, n=%d)",
        v[v.length / 2],
        v[0],
        v[v.length - 1],
        v.length);
  }
}
