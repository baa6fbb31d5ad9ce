package io.mcpplatform.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.IConstruct;

/**
 * cdk-nag (AwsSolutions pack) findings that are accepted, each with the reason it is acceptable
 * here. The app applies the pack at synth ({@link McpPlatformApp#applyRules}); any finding not
 * listed here fails {@code cdk synth}.
 */
final class NagRules {

  private NagRules() {}

  /**
   * @param stage the stack's stage
   * @param table the registry table
   * @param api the API
   * @param functions the deployed functions
   * @param routes the methods that route to functions
   * @param webAcl whether the API has the rate-limiting web ACL
   */
  static void apply(
      Stage stage,
      Table table,
      McpApi api,
      List<McpLambda> functions,
      List<Method> routes,
      boolean webAcl) {
    for (McpLambda f : functions) {
      suppress(
          f.role(),
          true,
          rule(
              "AwsSolutions-IAM5",
              "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level "
                  + "permissions, so active tracing needs Resource *; no other action is granted on *.",
              "Resource::*"));
      suppress(
          f.function(),
          false,
          rule(
              "AwsSolutions-L1",
              "java21 is deliberate: the code targets Java 17 and java21 is the newest runtime "
                  + "it is built and SnapStart-tested on; moving to java25 is a planned upgrade, not a side effect of "
                  + "a CDK version bump.",
              null));
    }
    if (!stage.pointInTimeRecovery()) {
      suppress(
          table,
          false,
          rule(
              "AwsSolutions-DDB3",
              "Stage "
                  + stage.id()
                  + " holds throw-away data and is "
                  + "destroyed with the stack; staging and prod enable point-in-time recovery.",
              null));
    }
    if (!webAcl) {
      suppress(
          api.api(),
          true,
          rule(
              "AwsSolutions-APIG3",
              "No web ACL on this "
                  + stage.id()
                  + " stack (context "
                  + "webAcl=false or the dev default): the stage throttle and the functions' reserved concurrency cap abuse "
                  + "and cost, and a web ACL's fixed monthly fee is out of proportion for a development stack.",
              null));
    }
    suppress(
        api.api(),
        true,
        rule(
            "AwsSolutions-APIG2",
            "Every route is a Lambda proxy to a function that validates the whole request "
                + "itself (JSON-RPC framing, tool arguments against their JSON schema, body size) and answers JSON-RPC "
                + "errors; a gateway validator without models would check nothing more.",
            null),
        rule(
            "AwsSolutions-IAM4",
            "API Gateway's account-level logging role uses the AWS managed policy "
                + "AmazonAPIGatewayPushToCloudWatchLogs, the documented way to let the service write execution and "
                + "access logs.",
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                + "AmazonAPIGatewayPushToCloudWatchLogs"));
    for (Method m : routes) {
      suppress(
          m,
          false,
          rule(
              "AwsSolutions-APIG4",
              "MCP endpoints are public like the official MCP registry: MCP clients connect "
                  + "with a URL alone, and reads are public data; the registry authorizes writes itself with tokens "
                  + "signed by its Secrets Manager key.",
              null),
          rule(
              "AwsSolutions-COG4",
              "No Cognito user pool: MCP clients (Claude Code, Claude Desktop, the Inspector) "
                  + "connect without one; see AwsSolutions-APIG4 on the same method.",
              null));
    }
  }

  /**
   * @param secret the Google Maps key secret, when this stack creates it
   */
  static void googleMapsKey(Secret secret) {
    suppress(
        secret,
        false,
        rule(
            "AwsSolutions-SMG4",
            "A third-party API key (Google Maps) cannot be rotated by a "
                + "Secrets Manager rotation function; the owner replaces it with put-secret-value when Google issues a new "
                + "one, and the maps function re-reads it within its cache lifetime.",
            null));
  }

  /**
   * @param secret the registry's token-signing key
   */
  static void signingKey(Secret secret) {
    suppress(
        secret,
        false,
        rule(
            "AwsSolutions-SMG4",
            "Rotating the signing key on a schedule would invalidate "
                + "every token in circulation at once; it is rotated deliberately, by putting a new value, when needed.",
            null));
  }

  private static void suppress(
      IConstruct construct, boolean children, NagPackSuppression... rules) {
    NagSuppressions.addResourceSuppressions(construct, List.of(rules), children);
  }

  private static NagPackSuppression rule(String id, String reason, String appliesTo) {
    NagPackSuppression.Builder b = NagPackSuppression.builder().id(id).reason(reason);
    if (appliesTo != null) {
      b.appliesTo(List.of(appliesTo));
    }
    return b.build();
  }
}
