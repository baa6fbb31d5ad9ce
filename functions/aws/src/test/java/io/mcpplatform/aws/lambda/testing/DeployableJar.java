package io.mcpplatform.aws.lambda.testing;

import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function's deployable (shaded) jar run as Lambda would run it: a fresh JVM with nothing on the
 * class path but that jar (and {@link LambdaJarLauncher}), the handler made by its no-argument
 * constructor, events fed in turn. Catches what in-module tests cannot: a class the shade
 * configuration left out, a log configuration lost in merging. Used by the functions' {@code *IT}
 * tests, which run after {@code package}.
 */
public final class DeployableJar {

  private final Path jar;

  /**
   * @param jar the shaded jar, e.g. {@code target/registry.jar}
   */
  public DeployableJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the *IT tests run after package (mvn verify)");
    }
    this.jar = jar;
  }

  /** What one run printed and answered. */
  public record Run(int exitCode, List<String> responses, List<String> stdout, String stderr) {}

  /**
   * @param handlerClass the handler's class name, as in the function's configuration
   * @param env environment variables added to this process's
   * @param events event files, answered in order
   * @return the exit code, one response line per event, standard output's lines and standard error
   * @throws IOException when the JVM cannot be started or its output read
   * @throws InterruptedException when interrupted while waiting
   */
  public Run invoke(String handlerClass, Map<String, String> env, List<Path> events)
      throws IOException, InterruptedException {
    return invoke(handlerClass, null, env, events);
  }

  /**
   * As {@link #invoke(String, Map, List)}, for a typed {@code RequestHandler}.
   *
   * @param handlerClass the handler's class name
   * @param eventReader {@code class#method}: the static method that turns an event file's bytes
   *     into the handler's input type, as the runtime's deserialization would; null for a stream
   *     handler
   * @param env environment variables added to this process's
   * @param events event files, answered in order
   * @return the exit code, one answer line per event, standard output's lines and standard error
   * @throws IOException when the JVM cannot be started or its output read
   * @throws InterruptedException when interrupted while waiting
   */
  public Run invoke(
      String handlerClass, String eventReader, Map<String, String> env, List<Path> events)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("deployable-jar");
    Path responses = work.resolve("responses.txt");
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC"));
    if (eventReader != null) {
      command.add("-D" + LambdaJarLauncher.EVENT_READER + "=" + eventReader);
    }
    command.addAll(
        List.of(
            "-cp",
            jar
                + File.pathSeparator
                + launcherLocation()
                + File.pathSeparator
                + contextClasses(work),
            LambdaJarLauncher.class.getName(),
            handlerClass,
            responses.toString()));
    events.forEach(e -> command.add(e.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the handler in " + jar + " did not finish in 2 minutes");
    }
    List<String> answered = Files.exists(responses) ? Files.readAllLines(responses) : List.of();
    return new Run(
        process.exitValue(),
        answered,
        Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The launcher's Lambda context class alone, copied out of the transport module: a function jar
   * without the transport (the health checker) still runs, and nothing else of that module can
   * stand in for a class the jar lacks.
   */
  private static Path contextClasses(Path work) throws IOException {
    Path dir = work.resolve("context-classes");
    String pkg = InvocationContext.class.getPackageName().replace('.', '/');
    Files.createDirectories(dir.resolve(pkg));
    for (String name : List.of("InvocationContext.class", "InvocationContext$1.class")) {
      try (InputStream in = InvocationContext.class.getResourceAsStream(name)) {
        if (in != null) {
          Files.copy(in, dir.resolve(pkg).resolve(name));
        }
      }
    }
    return dir;
  }

  private static String launcherLocation() {
    try {
      return Path.of(
              LambdaJarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
