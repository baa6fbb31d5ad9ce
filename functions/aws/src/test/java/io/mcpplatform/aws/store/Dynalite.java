package io.mcpplatform.aws.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB-compatible server for tests: the one at {@code DYNAMODB_ENDPOINT} when that is set,
 * else a dynalite child process on a free loopback port, started once per JVM from {@code
 * <repo>/src/test/node_modules} (after {@code npm ci} there when missing) and stopped when the test
 * run ends or the JVM exits. Use it as a JUnit extension, or call {@link #endpoint()} directly.
 */
public final class Dynalite implements BeforeAllCallback {

  /** Environment variable naming an already running server. */
  public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

  private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Dynalite.class);
  private static Server server;

  /** A running dynalite process; closing it stops the process. */
  private record Server(URI endpoint, Process process) implements AutoCloseable {

    @Override
    public void close() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    endpoint();
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("stopper", k -> new Stopper(), Stopper.class);
  }

  /**
   * Stops the shared server when JUnit closes the root context, that is, at the end of the test
   * run.
   */
  private static final class Stopper implements AutoCloseable {
    @Override
    public void close() {
      stop();
    }
  }

  /**
   * @return the endpoint of the running server, starting it when needed
   */
  public static synchronized URI endpoint() {
    if (server == null) {
      server = start();
    }
    return server.endpoint();
  }

  /** Stops the server this JVM started, if any. */
  public static synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private static Server start() {
    String configured = System.getenv(ENDPOINT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new Server(URI.create(configured.trim()), null);
    }
    Path testTools = findTestTools();
    Path binary = testTools.resolve("node_modules/.bin/dynalite");
    if (!Files.isExecutable(binary)) {
      npmCi(testTools);
    }
    File log = logFile("dynalite.log");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        Process process =
            new ProcessBuilder(
                    binary.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--createTableMs",
                    "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        Server started = new Server(URI.create("http://127.0.0.1:" + port), process);
        if (awaitPort(process, port)) {
          Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynalite-stopper"));
          LOG.info("dynalite started on port {}", port);
          return started;
        }
        started.close();
        last = new IOException("dynalite did not answer on port " + port);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("Cannot start dynalite from " + binary, last);
  }

  private static File logFile(String name) {
    Path target = Path.of("target");
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target.resolve(name).toFile();
  }

  private static Path findTestTools() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      Path tools = dir.resolve("src/test");
      if (Files.isRegularFile(tools.resolve("package.json"))) {
        return tools;
      }
    }
    throw new IllegalStateException(
        "No src/test/package.json above " + System.getProperty("user.dir"));
  }

  private static void npmCi(Path testTools) {
    LOG.info("Installing test tools with npm ci in {}", testTools);
    try {
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(testTools.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile("npm-ci.log")))
              .start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "npm ci failed in " + testTools + "; see target/npm-ci.log");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run npm ci in " + testTools, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running npm ci", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean awaitPort(Process process, int port) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}
