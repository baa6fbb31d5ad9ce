package io.mcpplatform.cdk;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth} and {@code cdk deploy} run {@link #main}; tests call
 * {@link #newApp} and {@link #buildStack} to synthesize the same stack.
 */
public final class McpPlatformApp {

  /** Name of the stack, and of {@code cdk.out/<name>.template.json}. */
  public static final String STACK_NAME = "McpPlatformStack";

  /**
   * Feature flags set in code rather than in {@code cdk.json}, so that the CLI and the tests build
   * the same template. {@code recognizeVersionProps}: any change to a function's configuration
   * publishes a new version, so the alias {@code live} and its SnapStart snapshot always match the
   * configuration. {@code minimizePolicies}: one merged statement per grant target.
   */
  public static final Map<String, Object> FEATURE_FLAGS = Map.of(
      "@aws-cdk/aws-lambda:recognizeVersionProps", true,
      "@aws-cdk/aws-iam:minimizePolicies", true);

  private McpPlatformApp() {
  }

  /**
   * Synthesizes the stack into {@code cdk.out}.
   *
   * @param args unused; configuration comes from CDK context
   */
  public static void main(String[] args) {
    App app = newApp(Map.of());
    buildStack(app, StackSettings.fromContext(app.getNode()));
    app.synth();
  }

  /**
   * @param context extra context values (for example {@code outdir}-independent settings in tests)
   * @return an app carrying the feature flags and the given context
   */
  public static App newApp(Map<String, Object> context) {
    Map<String, Object> all = new LinkedHashMap<>(FEATURE_FLAGS);
    all.putAll(context);
    return new App(AppProps.builder().context(all).build());
  }

  /**
   * Builds the platform stack in an app.
   *
   * @param app the app
   * @param settings where the jars are and which secrets and topics to use
   * @return the stack, ready to synthesize
   */
  public static McpPlatformStack buildStack(App app, StackSettings settings) {
    return new McpPlatformStack(app, STACK_NAME, StackProps.builder()
        .description("Serverless MCP platform: registry, maps and health checker (io.mcpplatform)")
        // no CDKMetadata resource: the template depends only on the stack's own inputs
        .analyticsReporting(false)
        .build(), settings);
  }
}
