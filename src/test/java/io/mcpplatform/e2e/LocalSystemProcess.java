package io.mcpplatform.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real local system ({@code functions/local/target/mcp-local.jar}) as a separate OS process on
 * a free loopback port: started, read from its banner, killed with SIGKILL and started again on the
 * same data.
 */
final class LocalSystemProcess implements AutoCloseable {

  private static final Pattern FIRST_LINE =
      Pattern.compile("MCP platform running locally at (http://\\S+)");
  private static final String READY = "Ready. Press Ctrl-C to stop.";
  private static final long START_TIMEOUT_MS = 60_000;
  private static Path jarCopy;

  private final Path dataDir;
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private String baseUrl;
  private boolean ready;
  private boolean ended;

  private LocalSystemProcess(Path dataDir, Process process) {
    this.dataDir = dataDir;
    this.process = process;
    Thread reader = new Thread(this::pump, "local-system-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the local system on a free port and waits for its banner to end with the ready line.
   *
   * @param dataDir the data directory to pass as {@code --data-dir}
   * @return the running process
   * @throws IllegalStateException when it exits or stays silent instead, with its output
   */
  static LocalSystemProcess start(Path dataDir) throws IOException, InterruptedException {
    LocalSystemProcess started = launch(dataDir);
    started.awaitReady();
    return started;
  }

  /**
   * Starts the local system without waiting for it to get ready (for processes expected to fail).
   *
   * @param dataDir the data directory
   * @return the process, maybe still starting
   */
  static LocalSystemProcess launch(Path dataDir) throws IOException {
    Path jar = jar();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true);
    builder.environment().put("MCP_LOCAL_HOME", Repo.root().toString());
    return new LocalSystemProcess(dataDir, builder.start());
  }

  /**
   * A private copy of the built jar, made once per test JVM, so that a rebuild of {@code
   * functions/local/target} while the suite runs cannot change the system under test midway.
   */
  private static synchronized Path jar() throws IOException {
    if (jarCopy == null) {
      Path built = Repo.root().resolve("functions/local/target/mcp-local.jar");
      if (!Files.isRegularFile(built)) {
        throw new IllegalStateException(
            built
                + " is missing: build it first (mvn -B package -pl functions/local"
                + " -am, or mvn -B verify from the top)");
      }
      Path copy = Files.createTempFile("mcp-local-e2e", ".jar");
      copy.toFile().deleteOnExit();
      Files.copy(built, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      jarCopy = copy;
    }
    return jarCopy;
  }

  /**
   * @return the same system started again on the same data directory (after {@link #kill()})
   */
  LocalSystemProcess restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("still running: kill it first");
    }
    return start(dataDir);
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lock.lock();
        try {
          output.add(line);
          Matcher m = FIRST_LINE.matcher(line);
          if (baseUrl == null && m.find()) {
            baseUrl = m.group(1);
          }
          if (line.equals(READY)) {
            ready = true;
          }
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      // the process went away; ended is set below
    } finally {
      lock.lock();
      try {
        ended = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    lock.lock();
    try {
      while (!(ready && baseUrl != null)) {
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "the local system did not get ready ("
                  + (ended ? "it exited" : "timeout")
                  + "); its output:\n"
                  + String.join("\n", output));
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the process to end by itself.
   *
   * @return its exit code
   * @throws IllegalStateException when it is still running after the timeout
   */
  int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
    if (!process.waitFor(timeout, unit)) {
      process.destroyForcibly();
      throw new IllegalStateException("the process did not exit; its output:\n" + output());
    }
    awaitOutputEnd();
    return process.exitValue();
  }

  private void awaitOutputEnd() throws InterruptedException {
    lock.lock();
    try {
      while (!ended) {
        if (!changed.await(10, TimeUnit.SECONDS)) {
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Kills the process with SIGKILL, as {@code kill -9} would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    awaitOutputEnd();
  }

  /**
   * @return the data directory the system runs on
   */
  Path dataDir() {
    return dataDir;
  }

  /**
   * @return {@code http://127.0.0.1:PORT}, from the banner
   */
  String baseUrl() {
    lock.lock();
    try {
      return baseUrl;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return the registry's MCP endpoint
   */
  String registryUrl() {
    return baseUrl() + "/registry/mcp";
  }

  /**
   * @return the port the banner names
   */
  int port() {
    String base = baseUrl();
    return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
  }

  /**
   * @return everything the process wrote to stdout and stderr so far
   */
  String output() {
    lock.lock();
    try {
      return String.join("\n", output);
    } finally {
      lock.unlock();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
