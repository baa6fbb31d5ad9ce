package io.mcpplatform.aws.lambda.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.transport.lambda.InvocationContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a handler the way the Lambda Java runtime does, for {@link DeployableJar}: in a fresh JVM
 * whose class path is the deployable jar plus this class, it makes the handler with its no-argument
 * constructor and hands it each event file in turn, writing each response as one line of the output
 * file. A {@link RequestHandler} gets its event from the static method that system property {@value
 * #EVENT_READER} names ({@code class#method}, taking the file's bytes), as the runtime would
 * deserialize it; its answer is written with {@code String.valueOf}.
 *
 * <p>With the environment variable {@value #SNAPSTART} set to {@code true}, the handler goes
 * through a SnapStart snapshot and restore after it is made and before the first event: every
 * {@code org.crac} hook registered by then (the function's priming, Powertools' own) runs through
 * {@link io.mcpplatform.aws.lambda.testing.crac.Core}, and a failing hook fails the run, as it
 * would fail publishing the function's version.
 *
 * <p>Arguments: handler class, output file, event files.
 */
public final class LambdaJarLauncher {

  /** System property naming the event reader of a {@link RequestHandler}: {@code class#method}. */
  public static final String EVENT_READER = "launcher.eventReader";

  /** Environment variable: {@code true} for a snapshot and restore before the first event. */
  public static final String SNAPSTART = "LAUNCHER_SNAPSTART";

  private LambdaJarLauncher() {}

  /**
   * @param args handler class, output file, event files
   * @throws Exception whatever the handler throws: the test sees it on standard error and as the
   *     exit code
   */
  public static void main(String[] args) throws Exception {
    boolean snapStart = "true".equals(System.getenv(SNAPSTART));
    if (snapStart) {
      // read once, when org.crac first loads: before the handler's classes register anything
      System.setProperty(
          "org.crac.Core.Compat",
          io.mcpplatform.aws.lambda.testing.crac.Core.class.getPackageName());
    }
    Object handler = Class.forName(args[0]).getConstructor().newInstance();
    if (snapStart) {
      org.crac.Core.checkpointRestore();
    }
    try (OutputStream responses = Files.newOutputStream(Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        InvocationContext context =
            new InvocationContext("jar-request-" + (i - 1), "deployable", 30_000);
        byte[] event = Files.readAllBytes(Path.of(args[i]));
        String answer;
        if (handler instanceof RequestStreamHandler streamHandler) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (InputStream in = new java.io.ByteArrayInputStream(event)) {
            streamHandler.handleRequest(in, out, context);
          }
          answer = out.toString(StandardCharsets.UTF_8);
        } else {
          answer = String.valueOf(typed(handler, event, context));
        }
        responses.write((answer.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object typed(Object handler, byte[] event, InvocationContext context)
      throws Exception {
    String reader = System.getProperty(EVENT_READER);
    if (reader == null || !reader.contains("#")) {
      throw new IllegalArgumentException(
          "a RequestHandler needs -D" + EVENT_READER + "=class#method");
    }
    String[] parts = reader.split("#", 2);
    Object input =
        Class.forName(parts[0]).getMethod(parts[1], byte[].class).invoke(null, (Object) event);
    return ((RequestHandler<Object, Object>) handler).handleRequest(input, context);
  }
}
