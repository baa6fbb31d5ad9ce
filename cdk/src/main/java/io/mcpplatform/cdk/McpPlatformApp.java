package io.mcpplatform.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cloudassembly.schema.ArtifactMetadataEntryType;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The CDK app: {@code cdk synth} and {@code cdk deploy} run {@link #main}; tests call {@link
 * #newApp}, {@link #buildStack}, {@link #applyRules} and {@link #synthesize} to build the same
 * stack the same way.
 *
 * <p>Synthesis stops, with a message and exit status 1, before anything reaches AWS when a
 * function's jar is missing or stale, when a context value is not allowed, or when cdk-nag reports
 * an error that no suppression with a written reason accepts.
 */
public final class McpPlatformApp {

  /**
   * Feature flags set in code in addition to the recommended ones of {@code cdk.json}, so that the
   * CLI and the tests build the same template. {@code recognizeVersionProps}: any change to a
   * function's configuration publishes a new version, so the alias {@code live} and its SnapStart
   * snapshot always match the configuration.
   */
  public static final Map<String, Object> FEATURE_FLAGS =
      Map.of("@aws-cdk/aws-lambda:recognizeVersionProps", true);

  private static final Pattern VALIDATION_REPORT =
      Pattern.compile("ValidationFailed: .*? can be found in: (\\S+validation-report\\.json)");

  private McpPlatformApp() {}

  /**
   * Synthesizes the stack of the stage named in context into {@code cdk.out}.
   *
   * @param args unused; configuration comes from CDK context
   */
  public static void main(String[] args) {
    App app = newApp(Map.of());
    try {
      buildStack(app, StackSettings.fromContext(app.getNode()));
      applyRules(app);
      synthesize(app);
    } catch (DeployableJars.MissingArtifactException
        | RuleViolationException
        | IllegalArgumentException e) {
      // the CLI shows the app's standard error; nothing was written for it to deploy
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /**
   * @param context extra context values
   * @return an app carrying the recommended feature flags of {@code cdk.json}, ours, and the given
   *     context
   */
  public static App newApp(Map<String, Object> context) {
    Map<String, Object> all = new LinkedHashMap<>(recommendedFlags());
    all.putAll(FEATURE_FLAGS);
    all.putAll(context);
    return new App(AppProps.builder().context(all).build());
  }

  /**
   * Builds the platform stack in an app, named after its stage ({@code McpPlatform-dev}, ...).
   *
   * @param app the app
   * @param settings the stage, where the jars are, which functions, secrets and topics
   * @return the stack, ready to synthesize
   * @throws DeployableJars.MissingArtifactException when a function's jar is missing or stale
   */
  public static McpPlatformStack buildStack(App app, StackSettings settings) {
    return new McpPlatformStack(
        app,
        settings.stackName(),
        StackProps.builder()
            .description(
                "Serverless MCP platform ("
                    + settings.stage().id()
                    + "): registry, maps and health checker (io.mcpplatform)")
            // no CDKMetadata resource: the template depends only on the stack's own inputs
            .analyticsReporting(false)
            .build(),
        settings);
  }

  /**
   * Applies cdk-nag's AwsSolutions pack to everything in the app.
   *
   * @param app the app
   */
  public static void applyRules(App app) {
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
  }

  /**
   * Synthesizes the app and refuses the result when any stack carries an error (an unsuppressed
   * cdk-nag rule among them).
   *
   * @param app the app
   * @return the cloud assembly
   * @throws RuleViolationException listing every error
   */
  public static CloudAssembly synthesize(App app) {
    CloudAssembly assembly;
    try {
      assembly = app.synth();
    } catch (RuntimeException e) {
      // with the recommended flag annotationsInValidationReport, CDK itself refuses error
      // annotations (cdk-nag's
      // among them) and writes what it refused to validation-report.json
      Matcher report = VALIDATION_REPORT.matcher(String.valueOf(e.getMessage()));
      if (!report.find()) {
        throw e;
      }
      throw new RuleViolationException(
          "cdk synth refused, fix these or add a suppression with its reason in "
              + "NagRules:\n  - "
              + String.join("\n  - ", violations(Path.of(report.group(1)))));
    }
    List<String> errors = new ArrayList<>();
    for (CloudFormationStackArtifact stack : assembly.getStacks()) {
      stack.getMessages().stream()
          .filter(m -> ArtifactMetadataEntryType.ERROR.toString().equals(m.getEntry().getType()))
          .forEach(m -> errors.add(m.getId() + ": " + m.getEntry().getData()));
    }
    if (!errors.isEmpty()) {
      throw new RuleViolationException(
          "cdk synth refused: "
              + errors.size()
              + " error(s), fix them or add a "
              + "suppression with its reason in NagRules:\n  - "
              + String.join("\n  - ", errors));
    }
    return assembly;
  }

  private static List<String> violations(Path report) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode root = new ObjectMapper().readTree(report.toFile());
      for (JsonNode plugin : root.path("pluginReports")) {
        for (JsonNode v : plugin.path("violations")) {
          List<String> where = new ArrayList<>();
          v.path("violatingConstructs").forEach(c -> where.add(c.path("constructPath").asText()));
          out.add(
              v.path("ruleName").asText() + " at " + where + ": " + v.path("description").asText());
        }
      }
    } catch (IOException e) {
      out.add("see " + report + " (" + e.getMessage() + ")");
    }
    return out;
  }

  /**
   * @return the feature flags {@code cdk.json} sets (those {@code cdk init} writes for this CDK
   *     version)
   */
  static Map<String, Object> recommendedFlags() {
    try (InputStream in = McpPlatformApp.class.getResourceAsStream("/cdk.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "cdk.json is not on the class path (cdk/pom.xml copies it)");
      }
      JsonNode context = new ObjectMapper().readTree(in).path("context");
      Map<String, Object> flags = new LinkedHashMap<>();
      context
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().startsWith("@aws-cdk")) {
                  flags.put(
                      e.getKey(), new ObjectMapper().convertValue(e.getValue(), Object.class));
                }
              });
      return flags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An error annotation (an unsuppressed cdk-nag finding, for example) was found at synth. */
  public static final class RuleViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuleViolationException(String message) {
      super(message);
    }
  }
}
