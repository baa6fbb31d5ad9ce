package io.mcpplatform.client.bench;

import io.mcpplatform.client.agent.Discovery;
import io.mcpplatform.client.agent.Toolbox;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.client.registry.RegistryClient;
import io.mcpplatform.client.testing.FakeLlmServer;
import io.mcpplatform.local.LocalSystem;
import io.modelcontextprotocol.spec.McpSchema;
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
 * The client's figures for BENCHMARKS.md, against the real local system with 50 registered servers (its
 * maps server and 49 generated ones, 198 tools):
 * <ol>
 *   <li>tool definitions sent for a question one tool answers, against sending every tool (bytes);</li>
 *   <li>discovery and connection time inside {@code ./mcp ask} after JVM start (as the process reports it);</li>
 *   <li>{@code ./mcp call} end to end as a whole process (wall time), with and without the script's JVM options.</li>
 * </ol>
 * Run from the repository root after {@code mvn -pl client -am install -DskipTests}:
 * {@code mvn -q -o -pl client exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.mcpplatform.client.bench.ClientBenchmark -Dexec.args="RUNS"}.
 */
public final class ClientBenchmark {

  private static final String QUESTION = "What are the coordinates of the Eiffel Tower?";
  private static final Pattern DISCOVERY = Pattern.compile("discovery (\\d+) ms");
  private static final PrintStream OUT = System.out;

  private ClientBenchmark() {
  }

  /** @param args number of process runs (default 10) */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path repo = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath().normalize();
    if (!Files.exists(repo.resolve("mcp"))) {
      repo = repo.getParent();
    }
    Path jar = repo.resolve("client/target/mcp-client.jar");
    Path data = Files.createTempDirectory("client-bench");
    try (LocalSystem system = LocalSystem.start("127.0.0.1", 0, data); BenchCatalog catalog = new BenchCatalog(49)) {
      catalog.register(system);
      toolBudget(system.baseUrl());
      ask(repo, system.baseUrl(), runs);
      call(repo, jar, system.baseUrl(), runs);
    }
    System.exit(0);
  }

  private static void toolBudget(String base) {
    ServerConnector connector = ServerConnector.withDefaults();
    try (RegistryClient registry = new RegistryClient(base, connector);
        Discovery discovery = new Discovery(registry, connector, HeaderCredentials.load(Map.of(), null),
            Discovery.Options.DEFAULT)) {
      Discovery.Found found = discovery.discover(QUESTION, QUESTION);
      long sent = JsonMapper.builder().build().writeValueAsBytes(found.toolbox().specs()).length;
      Toolbox all = new Toolbox(Toolbox.DEFAULT_MAX_RESULT_CHARS);
      List<ServerSession> sessions = new ArrayList<>();
      List<CatalogServer> everyServer = registry.search(null, 100).servers();
      for (CatalogServer s : everyServer) {
        ServerSession session = connector.connect(s.name(), s.remote().url(), Map.of());
        sessions.add(session);
        for (McpSchema.Tool tool : session.tools()) {
          all.add(session, tool);
        }
      }
      long every = JsonMapper.builder().build().writeValueAsBytes(all.specs()).length;
      sessions.forEach(ServerSession::close);
      OUT.printf(Locale.ROOT, "tool budget: question \"%s\"%n", QUESTION);
      OUT.printf(Locale.ROOT, "  servers matched %d, connected %s, tools sent %s%n", found.matched(), found.servers(),
          found.toolbox().names());
      OUT.printf(Locale.ROOT, "  tool definitions sent: %d tools, %,d bytes (~%,d tokens at 4 bytes/token)%n",
          found.toolbox().specs().size(), sent, sent / 4);
      OUT.printf(Locale.ROOT, "  every tool of the %d registered servers: %d tools, %,d bytes (~%,d tokens)%n",
          everyServer.size(), all.specs().size(), every, every / 4);
      OUT.printf(Locale.ROOT, "  ratio: %.1f%%%n", 100.0 * sent / every);
    }
  }

  private static void ask(Path repo, String base, int runs) throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      long[] discovery = new long[runs];
      long[] wall = new long[runs];
      for (int i = -1; i < runs; i++) {
        llm.reply(FakeLlmServer.anthropicToolUse("t" + i, "maps__get_location", "{\"location\":\"Paris\"}"))
            .reply(FakeLlmServer.anthropicText("48.8584, 2.2945"));
        Result r = run(repo, List.of(repo.resolve("mcp").toString(), "ask", QUESTION),
            Map.of("MCP_REGISTRY_URL", base, "ANTHROPIC_API_KEY", "bench", "ANTHROPIC_BASE_URL", llm.baseUrl()));
        Matcher m = DISCOVERY.matcher(r.err());
        if (r.code() != 0 || !m.find()) {
          throw new IllegalStateException("./mcp ask failed: " + r.err());
        }
        if (i >= 0) {
          discovery[i] = Long.parseLong(m.group(1));
          wall[i] = r.millis();
        }
      }
      OUT.printf(Locale.ROOT, "./mcp ask (fake Messages server, CDS archive warm): discovery + connection after JVM"
          + " start %s; whole process %s%n", stats(discovery), stats(wall));
    }
  }

  private static void call(Path repo, Path jar, String base, int runs) throws Exception {
    Map<String, String> env = Map.of("MCP_REGISTRY_URL", base);
    List<String> viaScript = List.of(repo.resolve("mcp").toString(), "call", "maps", "get_location", "location=Paris");
    List<String> plain = List.of("java", "-jar", jar.toString(), "call", "maps", "get_location", "location=Paris");
    for (List<String> command : List.of(viaScript, plain)) {
      long[] wall = new long[runs];
      for (int i = -1; i < runs; i++) {
        Result r = run(repo, command, env);
        if (r.code() != 0) {
          throw new IllegalStateException("./mcp call failed: " + r.err());
        }
        if (i >= 0) {
          wall[i] = r.millis();
        }
      }
      OUT.printf(Locale.ROOT, "%s: whole process %s%n", command == viaScript
          ? "./mcp call (script: C1, serial GC, CDS archive)" : "java -jar mcp-client.jar call (defaults)", stats(wall));
    }
  }

  private record Result(int code, String err, long millis) {
  }

  private static Result run(Path repo, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
    builder.environment().putAll(env);
    Path err = Files.createTempFile("bench", ".err");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = builder.start();
    int code = p.waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String text = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Result(code, text, millis);
  }

  private static String stats(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return String.format(Locale.ROOT, "median %d ms, min %d ms, max %d ms (n=%d)", v[v.length / 2], v[0],
        v[v.length - 1], v.length);
  }
}
