package io.mcpplatform.cdk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import software.constructs.Node;

/**
 * What the stack is built from, read from CDK context ({@code cdk.json}, or {@code -c key=value}).
 *
 * <ul>
 *   <li>{@code repoRoot}: the repository root, where {@code functions/<name>/target/<name>.jar} live
 *       (default {@code ..}, the CDK app runs in {@code cdk/}).
 *   <li>{@code googleMapsSecretName}: import this existing Secrets Manager secret for the Google Maps key
 *       instead of creating an empty one.
 *   <li>{@code alarmTopicArn}: an SNS topic every alarm notifies.
 *   <li>{@code requiredFunctions}: comma-separated function names whose jar must exist (a missing jar is
 *       then a synth error instead of a warning), e.g. {@code registry,maps}.
 * </ul>
 *
 * @param repoRoot repository root
 * @param googleMapsSecretName existing secret to import, nullable
 * @param alarmTopicArn alarm notification topic, nullable
 * @param requiredFunctions functions that must be deployable
 */
public record StackSettings(
    Path repoRoot, String googleMapsSecretName, String alarmTopicArn, Set<PlatformFunction> requiredFunctions) {

  /** Context key of {@link #repoRoot()}. */
  public static final String REPO_ROOT = "repoRoot";
  /** Context key of {@link #googleMapsSecretName()}. */
  public static final String GOOGLE_MAPS_SECRET_NAME = "googleMapsSecretName";
  /** Context key of {@link #alarmTopicArn()}. */
  public static final String ALARM_TOPIC_ARN = "alarmTopicArn";
  /** Context key of {@link #requiredFunctions()}. */
  public static final String REQUIRED_FUNCTIONS = "requiredFunctions";

  public StackSettings {
    if (repoRoot == null) {
      throw new IllegalArgumentException("repoRoot is required");
    }
    requiredFunctions = requiredFunctions == null || requiredFunctions.isEmpty()
        ? Set.of() : Set.copyOf(requiredFunctions);
  }

  /**
   * @param node any node of the app (context is inherited)
   * @return the settings the context describes
   * @throws IllegalArgumentException when {@code requiredFunctions} names an unknown function
   */
  public static StackSettings fromContext(Node node) {
    String root = text(node.tryGetContext(REPO_ROOT));
    String required = text(node.tryGetContext(REQUIRED_FUNCTIONS));
    Set<PlatformFunction> requiredSet = EnumSet.noneOf(PlatformFunction.class);
    if (required != null) {
      Arrays.stream(required.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(PlatformFunction::byId)
          .forEach(requiredSet::add);
    }
    return new StackSettings(Path.of(root == null ? ".." : root),
        text(node.tryGetContext(GOOGLE_MAPS_SECRET_NAME)), text(node.tryGetContext(ALARM_TOPIC_ARN)), requiredSet);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
