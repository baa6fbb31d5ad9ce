package io.mcpplatform.aws.lambda.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a handler the way the Lambda Java runtime does, for {@link DeployableJar}: in a fresh JVM whose class
 * path is the deployable jar plus this class, it makes the handler with its no-argument constructor and hands
 * it each event file in turn, writing each response as one line of the output file.
 *
 * <p>Arguments: handler class, output file, event files.
 */
public final class LambdaJarLauncher {

  private LambdaJarLauncher() {
  }

  /**
   * @param args handler class, output file, event files
   * @throws Exception whatever the handler throws: the test sees it on standard error and as the exit code
   */
  public static void main(String[] args) throws Exception {
    RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    try (OutputStream responses = Files.newOutputStream(Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of(args[i]))) {
          handler.handleRequest(in, out, new InvocationContext("jar-request-" + (i - 1), "deployable", 30_000));
        }
        String line = out.toString(StandardCharsets.UTF_8).replace('\n', ' ');
        responses.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
