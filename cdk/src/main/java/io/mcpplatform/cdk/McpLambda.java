package io.mcpplatform.cdk;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One platform function: its own role (no managed policies; it may write only its own log group),
 * its log group with a retention, the function from its Maven-built jar with SnapStart, and the
 * alias {@code live} on the published version that everything invokes.
 */
public final class McpLambda extends Construct {

  /** Name of the alias that API Gateway and EventBridge invoke. */
  public static final String LIVE_ALIAS = "live";

  private final PlatformFunction spec;
  private final Role role;
  private final LogGroup logGroup;
  private final Function function;
  private final Alias alias;

  /**
   * @param scope parent
   * @param spec which function
   * @param jar the deployable jar (must exist)
   * @param environment names and ARNs only, never a secret value
   * @param logRetention how long its logs are kept
   * @param reserveConcurrency whether it reserves {@link PlatformFunction#reservedConcurrency()}
   */
  public McpLambda(
      Construct scope,
      PlatformFunction spec,
      Path jar,
      Map<String, String> environment,
      RetentionDays logRetention,
      boolean reserveConcurrency) {
    super(scope, spec.id());
    this.spec = spec;

    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Execution role of the " + spec.id() + " function")
            .build();

    logGroup =
        LogGroup.Builder.create(this, "Logs")
            .retention(logRetention)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    logGroup.grantWrite(role);

    Map<String, String> env = new LinkedHashMap<>(environment);
    // read by Powertools for AWS Lambda (Java): service name in logs and the EMF metrics' Service
    // dimension
    env.put("POWERTOOLS_SERVICE_NAME", spec.id());
    env.put("POWERTOOLS_METRICS_NAMESPACE", Monitoring.NAMESPACE);
    // empty on AWS; declared so that `sam local invoke --env-vars` may point the function at a
    // local
    // DynamoDB-compatible server (SAM overrides only the variables a template declares)
    env.put("DYNAMODB_ENDPOINT", "");

    Function.Builder builder =
        Function.Builder.create(this, "Function")
            // Java 21: a SnapStart-capable managed runtime and LTS; the code is compiled for Java
            // 17.
            .runtime(Runtime.JAVA_21)
            // x86_64 so that `sam local invoke` runs the same image natively on the usual x86
            // machines and CI
            // runners; arm64 is cheaper per GB-second and is a one-line change here.
            .architecture(Architecture.X86_64)
            .handler(spec.handler())
            .code(Code.fromAsset(jar.toString()))
            .memorySize(spec.memoryMb())
            .timeout(spec.timeout())
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .tracing(Tracing.ACTIVE)
            .role(role)
            .logGroup(logGroup)
            .loggingFormat(LoggingFormat.JSON)
            .applicationLogLevelV2(ApplicationLogLevel.INFO)
            .environment(env)
            .description("MCP platform: " + spec.id())
            // a version is snapshotted once per deployment; old ones are not invoked after the
            // alias moves
            .currentVersionOptions(
                VersionOptions.builder().removalPolicy(RemovalPolicy.DESTROY).build());
    if (reserveConcurrency) {
      // a ceiling per function: one flooded function cannot starve the others or the account
      builder.reservedConcurrentExecutions(spec.reservedConcurrency());
    }
    function = builder.build();
    ((CfnFunction) function.getNode().getDefaultChild()).overrideLogicalId(spec.logicalId());
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "versions are published: the alias live points at the function's current version");

    alias =
        Alias.Builder.create(this, "Live")
            .aliasName(LIVE_ALIAS)
            .version(function.getCurrentVersion())
            .description("The published, SnapStart-snapshotted version in service")
            .build();
  }

  /**
   * @return which function this is
   */
  public PlatformFunction spec() {
    return spec;
  }

  /**
   * @return the execution role, for grants
   */
  public IRole role() {
    return role;
  }

  /**
   * @return the function (all versions; metrics aggregate over them)
   */
  public Function function() {
    return function;
  }

  /**
   * @return the alias {@code live}, the only thing that is invoked
   */
  public Alias alias() {
    return alias;
  }

  /**
   * @return the function's log group
   */
  public LogGroup logGroup() {
    return logGroup;
  }
}
