package io.mcpplatform.client;

import io.mcpplatform.client.cli.Cli;
import io.mcpplatform.client.mcp.ServerConnector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code ./mcp} (see {@link Cli}). */
public final class Main {

  private Main() {}

  /**
   * @param args the command line
   */
  public static void main(String[] args) {
    // the one logging backend in the jar, named, instead of a service-loader scan of the whole
    // class path
    // (and of the JDK's modules) at the first logger; SLF4J then reports only warnings about itself
    setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
    for (String arg : args) {
      if (arg.equals("--verbose") || arg.equals("-v")) {
        DebugLog.enable();
      }
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int code =
        new Cli(
                System.getenv(),
                in,
                System.out,
                System.err,
                ServerConnector.withDefaults().withProgress(System.err))
            .run(args);
    System.out.flush();
    System.exit(code);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
