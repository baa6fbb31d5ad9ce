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
 *   <li>{@code stage}: {@code dev} (default), {@code staging} or {@code prod}; see {@link Stage}.
 *   <li>{@code functions}: comma-separated functions the stack deploys, default all three. Leaving
 *       one out is this explicit choice only, never the effect of a missing jar; a function left
 *       out takes its routes, schedule, secret, alarms and outputs with it. The registry is always
 *       deployed.
 *   <li>{@code repoRoot}: the repository root, where {@code functions/<name>/target/<name>.jar}
 *       live (default {@code ..}, the CDK app runs in {@code cdk/}).
 *   <li>{@code googleMapsSecretName}: import this existing Secrets Manager secret for the Google
 *       Maps key instead of creating an empty one.
 *   <li>{@code alarmTopicArn}: an SNS topic every alarm notifies (prod creates one when this is
 *       absent).
 *   <li>{@code webAcl}: {@code true}/{@code false}, the per-source-IP rate limits at the edge;
 *       default on for staging and prod.
 *   <li>{@code reservedConcurrency}: {@code false} leaves the functions' concurrency unreserved,
 *       for new accounts whose concurrency quota (10) cannot spare any; default {@code true}.
 *   <li>{@code stackName}: overrides {@code McpPlatform-<stage>}, for example to keep updating a
 *       stack deployed under an older name.
 * </ul>
 *
 * @param repoRoot repository root
 * @param stage the deployment stage
 * @param functions the functions to deploy, the registry among them
 * @param googleMapsSecretName existing secret to import, nullable
 * @param alarmTopicArn alarm notification topic, nullable
 * @param webAcl whether the API gets the rate-limiting web ACL
 * @param reservedConcurrency whether each function reserves its concurrency
 * @param stackName the stack's name
 */
public record StackSettings(
    Path repoRoot,
    Stage stage,
    Set<PlatformFunction> functions,
    String googleMapsSecretName,
    String alarmTopicArn,
    boolean webAcl,
    boolean reservedConcurrency,
    String stackName) {

  /** Context key of {@link #repoRoot()}. */
  public static final String REPO_ROOT = "repoRoot";

  /** Context key of {@link #stage()}. */
  public static final String STAGE = "stage";

  /** Context key of {@link #functions()}. */
  public static final String FUNCTIONS = "functions";

  /** Context key of {@link #googleMapsSecretName()}. */
  public static final String GOOGLE_MAPS_SECRET_NAME = "googleMapsSecretName";

  /** Context key of {@link #alarmTopicArn()}. */
  public static final String ALARM_TOPIC_ARN = "alarmTopicArn";

  /** Context key of {@link #webAcl()}. */
  public static final String WEB_ACL = "webAcl";

  /** Context key of {@link #reservedConcurrency()}. */
  public static final String RESERVED_CONCURRENCY = "reservedConcurrency";

  /** Context key of {@link #stackName()}. */
  public static final String STACK_NAME = "stackName";

  /** A key that no longer exists: every deployed function is required now. */
  static final String REQUIRED_FUNCTIONS = "requiredFunctions";

  public StackSettings {
    if (repoRoot == null) {
      throw new IllegalArgumentException("repoRoot is required");
    }
    if (stage == null) {
      throw new IllegalArgumentException("stage is required");
    }
    if (functions == null || !functions.contains(PlatformFunction.REGISTRY)) {
      throw new IllegalArgumentException(
          "context 'functions' must include registry: the API, the table and the"
              + " tokens are the registry's (got "
              + functions
              + ")");
    }
    functions = Set.copyOf(functions);
    if (stackName == null) {
      stackName = stage.stackName();
    }
  }

  /**
   * @param node any node of the app (context is inherited)
   * @return the settings the context describes
   * @throws IllegalArgumentException when a value is not one of those allowed, naming the key
   */
  public static StackSettings fromContext(Node node) {
    if (text(node.tryGetContext(REQUIRED_FUNCTIONS)) != null) {
      throw new IllegalArgumentException(
          "context 'requiredFunctions' is no longer read: every function in the"
              + " stack must be built; to deploy fewer, name them with -c functions=registry,health-checker");
    }
    String root = text(node.tryGetContext(REPO_ROOT));
    String stageName = text(node.tryGetContext(STAGE));
    Stage stage = Stage.byId(stageName == null ? Stage.DEV.id() : stageName);
    String listed = text(node.tryGetContext(FUNCTIONS));
    Set<PlatformFunction> functions = EnumSet.noneOf(PlatformFunction.class);
    if (listed == null) {
      functions.addAll(EnumSet.allOf(PlatformFunction.class));
    } else {
      Arrays.stream(listed.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(PlatformFunction::byId)
          .forEach(functions::add);
    }
    return new StackSettings(
        Path.of(root == null ? ".." : root),
        stage,
        functions,
        text(node.tryGetContext(GOOGLE_MAPS_SECRET_NAME)),
        text(node.tryGetContext(ALARM_TOPIC_ARN)),
        flag(node, WEB_ACL, stage.webAclByDefault()),
        flag(node, RESERVED_CONCURRENCY, true),
        text(node.tryGetContext(STACK_NAME)));
  }

  /**
   * @return whether the maps function (and with it the Google key secret) is deployed
   */
  public boolean hasMaps() {
    return functions.contains(PlatformFunction.MAPS);
  }

  private static boolean flag(Node node, String key, boolean otherwise) {
    String value = text(node.tryGetContext(key));
    if (value == null) {
      return otherwise;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "context '" + key + "' must be true or false (got '" + value + "')");
    }
    return Boolean.parseBoolean(value);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
