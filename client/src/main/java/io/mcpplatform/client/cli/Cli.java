package io.mcpplatform.client.cli;

import io.mcpplatform.client.agent.Answer;
import io.mcpplatform.client.agent.Assistant;
import io.mcpplatform.client.agent.Discovery;
import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmException;
import io.mcpplatform.client.mcp.ConnectionException;
import io.mcpplatform.client.mcp.HeaderCredentials;
import io.mcpplatform.client.mcp.McpTool;
import io.mcpplatform.client.mcp.MissingCredentialException;
import io.mcpplatform.client.mcp.ServerConnector;
import io.mcpplatform.client.mcp.ServerSession;
import io.mcpplatform.client.mcp.ToolOutcome;
import io.mcpplatform.client.registry.CatalogServer;
import io.mcpplatform.client.registry.RegistryClient;
import io.mcpplatform.client.registry.RegistryException;
import io.mcpplatform.client.registry.SearchPage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ./mcp} command line: {@code search}, {@code show}, {@code tools}, {@code call}, {@code
 * ask}, {@code chat}. Exit codes: 0 done, 1 failed (registry or server unreachable, tool error), 2
 * bad command line, 3 a setting is missing (API key, server credential).
 */
public final class Cli {

  /** Default registry: the local system. */
  public static final String DEFAULT_REGISTRY = "http://127.0.0.1:3000";

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int MISSING_SETTING = 3;

  private final Map<String, String> env;
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final ServerConnector connector;

  /**
   * @param env the environment
   * @param in standard input (for {@code chat})
   * @param out standard output
   * @param err standard error
   * @param connector how to reach MCP servers
   */
  public Cli(
      Map<String, String> env,
      BufferedReader in,
      PrintStream out,
      PrintStream err,
      ServerConnector connector) {
    this.env = Map.copyOf(env);
    this.in = in;
    this.out = out;
    this.err = err;
    this.connector = connector;
  }

  /**
   * Runs one command.
   *
   * @param argv the words after {@code ./mcp}
   * @return the exit code
   */
  public int run(String[] argv) {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (Args.UsageException e) {
      err.println("mcp: " + e.getMessage());
      return USAGE;
    }
    if (args.command == null || args.flag("help") || "help".equals(args.command)) {
      out.print(Usage.TEXT);
      return args.command == null && !args.flag("help") ? USAGE : OK;
    }
    // every command below opens an MCP session to the registry first: run its code meanwhile, off
    // this thread
    ServerConnector.warmUp();
    String registryUrl =
        first(args.option("registry"), env.get("MCP_REGISTRY_URL"), DEFAULT_REGISTRY);
    String token = first(args.option("registry-token"), env.get("MCP_REGISTRY_TOKEN"));
    try (RegistryClient registry = new RegistryClient(registryUrl, connector, token)) {
      return switch (args.command) {
        case "search" -> search(args, registry);
        case "show" -> show(args, registry);
        case "tools" -> tools(args, registry);
        case "call" -> call(args, registry);
        case "ask" -> ask(args, registry);
        case "chat" -> chat(args, registry);
        default ->
            throw new Args.UsageException(
                "Unknown command '" + args.command + "' (see ./mcp --help)");
      };
    } catch (Args.UsageException e) {
      err.println("mcp: " + e.getMessage());
      return USAGE;
    } catch (LlmSettings.MissingSettingException | MissingCredentialException e) {
      err.println("mcp: " + e.getMessage());
      return MISSING_SETTING;
    } catch (RegistryException | ConnectionException | LlmException | IllegalArgumentException e) {
      err.println("mcp: " + e.getMessage());
      return FAILED;
    }
  }

  private int search(Args args, RegistryClient registry) {
    String query = String.join(" ", args.positional);
    SearchPage page = registry.search(query, args.intOption("limit", 20, 1, 100));
    if (args.flag("json")) {
      json(page);
    } else {
      new Printer(out).servers(page.servers(), page.total());
    }
    return OK;
  }

  private int show(Args args, RegistryClient registry) {
    CatalogServer server = server(args, registry);
    if (args.flag("json")) {
      json(server);
    } else {
      new Printer(out).server(server, env);
    }
    return OK;
  }

  private int tools(Args args, RegistryClient registry) {
    CatalogServer server = server(args, registry);
    try (Discovery discovery = discovery(args, registry)) {
      List<McpTool> tools = discovery.session(server).tools();
      if (args.flag("json")) {
        json(Map.of("server", server.name(), "tools", tools));
      } else {
        new Printer(out).tools(server.name(), tools);
      }
    }
    return OK;
  }

  private int call(Args args, RegistryClient registry) {
    if (args.positional.size() < 2) {
      throw new Args.UsageException("usage: ./mcp call SERVER TOOL [key=value ...] [--input JSON]");
    }
    CatalogServer server = server(args, registry);
    String toolName = args.positional.get(1);
    try (Discovery discovery = discovery(args, registry)) {
      ServerSession session = discovery.session(server);
      McpTool tool =
          session.tools().stream()
              .filter(t -> t.name().equals(toolName))
              .findFirst()
              .orElseThrow(
                  () ->
                      new Args.UsageException(
                          "Server '"
                              + server.name()
                              + "' has no tool '"
                              + toolName
                              + "'; it offers: "
                              + String.join(
                                  ", ", session.tools().stream().map(McpTool::name).toList())));
      Map<String, Object> arguments =
          ToolArguments.parse(
              tool, args.positional.subList(2, args.positional.size()), args.option("input"));
      ToolOutcome outcome = session.call(tool.name(), arguments);
      if (args.flag("json")) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("isError", outcome.isError());
        body.put("text", outcome.text());
        body.put("structuredContent", outcome.structuredContent());
        json(body);
      } else {
        (outcome.isError() ? err : out).println(outcome.text());
      }
      return outcome.isError() ? FAILED : OK;
    }
  }

  private int ask(Args args, RegistryClient registry) {
    String question = String.join(" ", args.positional).trim();
    if (question.isEmpty()) {
      throw new Args.UsageException("usage: ./mcp ask \"QUESTION\" [--search QUERY]");
    }
    try (LlmBackend llm = LlmSettings.backend(args, env);
        Discovery discovery = discovery(args, registry)) {
      Answer answer =
          new Assistant(discovery, llm, options(args)).ask(question, args.option("search"));
      report(args, answer, llm);
    }
    return OK;
  }

  private int chat(Args args, RegistryClient registry) {
    try (LlmBackend llm = LlmSettings.backend(args, env);
        Discovery discovery = discovery(args, registry)) {
      Assistant assistant = new Assistant(discovery, llm, options(args));
      if (!args.flag("json")) {
        out.println(
            "MCP client interactive session (registry "
                + registry.endpoint()
                + ", model "
                + llm.model()
                + "). Type 'quit' or 'exit' to leave.");
      }
      while (true) {
        if (!args.flag("json")) {
          out.print("You: ");
          out.flush();
        }
        String line;
        try {
          line = in.readLine();
        } catch (IOException e) {
          throw new IllegalArgumentException("Cannot read standard input", e);
        }
        if (line == null
            || List.of("quit", "exit").contains(line.trim().toLowerCase(Locale.ROOT))) {
          return OK;
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          Answer answer = assistant.chat(line.trim());
          if (!args.flag("json")) {
            out.print("Assistant: ");
          }
          report(args, answer, llm);
        } catch (RegistryException | LlmException e) {
          err.println("Error: " + e.getMessage());
        }
      }
    }
  }

  private void report(Args args, Answer answer, LlmBackend llm) {
    if (args.flag("json")) {
      json(answer);
    } else {
      new Printer(out).answer(answer);
      err.println(Printer.usageLine(answer, llm.prices(), launchedAt()));
      answer.problems().forEach(p -> err.println("note: " + p));
    }
  }

  private CatalogServer server(Args args, RegistryClient registry) {
    if (args.positional.isEmpty()) {
      throw new Args.UsageException("usage: ./mcp " + args.command + " SERVER ...");
    }
    String id = args.positional.get(0);
    CatalogServer server = registry.get(id);
    if (server == null) {
      throw new IllegalArgumentException(
          "Server '" + id + "' not found in the registry (try ./mcp search)");
    }
    return server;
  }

  private Discovery discovery(Args args, RegistryClient registry) {
    Path file =
        args.option("config") == null
            ? HeaderCredentials.defaultFile(env)
            : Path.of(args.option("config"));
    Discovery.Options d = Discovery.Options.DEFAULT;
    Discovery.Options options =
        new Discovery.Options(
            d.searchLimit(),
            args.intOption("max-servers", d.maxServers(), 1, 20),
            d.relativeScore(),
            args.fraction("min-score", env, "MCP_MIN_SCORE", d.minScore()),
            args.intOption("max-tools", d.maxTools(), 1, 128),
            args.intOption("max-result-chars", d.maxResultChars(), 100, 1_000_000));
    return new Discovery(registry, connector, HeaderCredentials.load(env, file), options);
  }

  private static Assistant.Options options(Args args) {
    Assistant.Options d = Assistant.Options.DEFAULT;
    return new Assistant.Options(
        args.intOption("max-rounds", d.maxRounds(), 1, 50),
        args.intOption("max-tokens", d.maxTokens(), 16, 64_000),
        args.intOption("search-rounds", d.searchRounds(), 0, 10));
  }

  private void json(Object value) {
    // the process-wide mapper (its serializers are shared with the rest of the client), indented
    out.println(JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  /**
   * When {@code ./mcp} started: it passes {@code MCP_LAUNCHED_AT} (microseconds since the epoch);
   * null without it.
   */
  private Long launchedAt() {
    String micros = env.get("MCP_LAUNCHED_AT");
    if (micros == null || !micros.matches("\\d{10,19}")) {
      return null;
    }
    return Long.parseLong(micros) / 1000;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
