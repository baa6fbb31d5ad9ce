package io.mcpplatform.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Node test tools of {@code src/test/package.json} (MCP Inspector, TypeScript MCP SDK),
 * installed with {@code npm ci} when missing, run as child processes.
 */
final class NodeTools {

  private static final long TIMEOUT_S = 120;

  private NodeTools() {}

  /**
   * @return {@code src/test}, with its {@code node_modules} installed
   */
  static synchronized Path installed() throws IOException, InterruptedException {
    Path dir = Repo.root().resolve("src/test");
    if (!Files.isExecutable(dir.resolve("node_modules/.bin/mcp-inspector"))
        || !Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      Run npm = run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
      if (npm.exitCode() != 0) {
        throw new IllegalStateException(
            "npm ci in " + dir + " failed:\n" + npm.stdout() + npm.stderr());
      }
    }
    return dir;
  }

  /**
   * @return the MCP Inspector CLI's result for these arguments after {@code --cli URL --transport
   *     http}
   */
  static Run inspector(String url, String... args) throws IOException, InterruptedException {
    return inspectorOver("http", url, args);
  }

  /**
   * @return the MCP Inspector CLI's result for these arguments after {@code --cli URL --transport
   *     TRANSPORT}
   */
  static Run inspectorOver(String transport, String url, String... args)
      throws IOException, InterruptedException {
    Path dir = installed();
    List<String> command =
        new ArrayList<>(
            List.of(
                dir.resolve("node_modules/.bin/mcp-inspector").toString(),
                "--cli",
                url,
                "--transport",
                transport));
    command.addAll(List.of(args));
    return run(dir, command, TIMEOUT_S);
  }

  /**
   * @return the result of {@code node SCRIPT ARGS} run in {@code src/test} (so it finds
   *     node_modules)
   */
  static Run node(Path script, String... args) throws IOException, InterruptedException {
    Path dir = installed();
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    return run(dir, command, TIMEOUT_S);
  }

  private static Run run(Path dir, List<String> command, long timeoutS)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    process.getOutputStream().close();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish in " + timeoutS + " s");
    }
    return new Run(process.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** What a finished child process left. */
  record Run(int exitCode, String stdout, String stderr) {}
}
