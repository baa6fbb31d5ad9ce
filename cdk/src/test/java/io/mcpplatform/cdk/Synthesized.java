package io.mcpplatform.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * A stack synthesized once and shared by the tests of a class: a repository root in a temporary
 * folder holding stand-in jars for the chosen functions (the stack only packages them), with the
 * rules the app applies at synth (cdk-nag's AwsSolutions pack).
 *
 * @param stack the stack
 * @param template its template
 * @param annotations its synth-time messages, cdk-nag findings among them
 * @param repoRoot the temporary repository root
 */
record Synthesized(
    McpPlatformStack stack, Template template, Annotations annotations, Path repoRoot) {

  private static Synthesized all;

  /**
   * @return the prod stack with every function present (synthesized once per test JVM)
   */
  static synchronized Synthesized withAllFunctions() {
    if (all == null) {
      all = synthesize(EnumSet.allOf(PlatformFunction.class), Map.of(StackSettings.STAGE, "prod"));
    }
    return all;
  }

  /**
   * @param present functions whose jar exists
   * @param context extra CDK context
   * @return a fresh synthesis
   */
  static Synthesized synthesize(Set<PlatformFunction> present, Map<String, Object> context) {
    Path root = stubRepository(present);
    App app = McpPlatformApp.newApp(Map.of());
    McpPlatformStack stack =
        McpPlatformApp.buildStack(app, StackSettings.fromContext(withRoot(app, root, context)));
    McpPlatformApp.applyRules(app);
    return new Synthesized(stack, Template.fromStack(stack), Annotations.fromStack(stack), root);
  }

  /**
   * @param root a repository root
   * @param context CDK context
   * @return an app holding that context and the repository root, no stack yet
   */
  static App appFor(Path root, Map<String, Object> context) {
    App app = McpPlatformApp.newApp(Map.of());
    withRoot(app, root, context);
    return app;
  }

  private static software.constructs.Node withRoot(
      App app, Path root, Map<String, Object> context) {
    app.getNode().setContext(StackSettings.REPO_ROOT, root.toString());
    context.forEach(app.getNode()::setContext);
    return app.getNode();
  }

  /**
   * @param present functions to give a jar
   * @return a temporary folder laid out like the repository after {@code mvn package}
   */
  static Path stubRepository(Set<PlatformFunction> present) {
    try {
      Path root = Files.createTempDirectory("cdk-repo");
      for (PlatformFunction f : present) {
        Path jar = root.resolve(f.jar());
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
            JarOutputStream zip = new JarOutputStream(out)) {
          JarEntry entry = new JarEntry("stub-" + f.id() + ".txt");
          entry.setTime(0);
          zip.putNextEntry(entry);
          zip.write(("stand-in for " + f.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
