package io.mcpplatform.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * Per-client limits at the edge: a regional WAF web ACL on the API stage with two rate-based rules
 * keyed on the source IP, so that one client can no longer use the whole stage throttle. Every
 * other request is allowed; the functions do their own authorization.
 *
 * <ul>
 *   <li>{@value #PER_IP_LIMIT} requests per IP in any 5 minutes across the API (about 3 per second
 *       sustained, far above what an MCP client or a browsing person sends);
 *   <li>{@value #MAPS_PER_IP_LIMIT} per IP in 5 minutes on {@code /maps/}, the path that may spend
 *       money with Google.
 * </ul>
 *
 * Over a limit, WAF answers 403 until the IP's rate falls below it.
 */
public final class EdgeProtection extends Construct {

  /** Requests one source IP may send to the whole API in a 5-minute window. */
  public static final int PER_IP_LIMIT = 1000;

  /** Requests one source IP may send to {@code /maps/} in a 5-minute window. */
  public static final int MAPS_PER_IP_LIMIT = 300;

  /** WAF's evaluation window, in seconds. */
  public static final int WINDOW_SECONDS = 300;

  private final CfnWebACL webAcl;

  /**
   * @param scope parent
   * @param id construct id
   * @param name web ACL name (also its metric prefix)
   * @param api the API whose deployment stage it protects
   * @param withMaps whether the maps rule is added
   */
  public EdgeProtection(Construct scope, String id, String name, RestApi api, boolean withMaps) {
    super(scope, id);
    List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
    rules.add(rateRule(name + "-per-ip", 0, PER_IP_LIMIT, null));
    if (withMaps) {
      rules.add(
          rateRule(
              name + "-maps-per-ip",
              1,
              MAPS_PER_IP_LIMIT,
              CfnWebACL.StatementProperty.builder()
                  .byteMatchStatement(
                      CfnWebACL.ByteMatchStatementProperty.builder()
                          .fieldToMatch(
                              CfnWebACL.FieldToMatchProperty.builder().uriPath(Map.of()).build())
                          .positionalConstraint("CONTAINS")
                          .searchString("/maps/")
                          .textTransformations(
                              List.of(
                                  CfnWebACL.TextTransformationProperty.builder()
                                      .priority(0)
                                      .type("NONE")
                                      .build()))
                          .build())
                  .build()));
    }
    webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .name(name)
            .description("Per-source-IP rate limits in front of the MCP platform API")
            .scope("REGIONAL")
            .defaultAction(
                CfnWebACL.DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility(name))
            .rules(List.copyOf(rules))
            .build();
    CfnWebACLAssociation.Builder.create(this, "Association")
        .resourceArn(api.getDeploymentStage().getStageArn())
        .webAclArn(webAcl.getAttrArn())
        .build();
  }

  /**
   * @return the web ACL
   */
  public CfnWebACL webAcl() {
    return webAcl;
  }

  private static CfnWebACL.RuleProperty rateRule(
      String name, int priority, int limit, CfnWebACL.StatementProperty scopeDown) {
    CfnWebACL.RateBasedStatementProperty.Builder rate =
        CfnWebACL.RateBasedStatementProperty.builder()
            .aggregateKeyType("IP")
            .limit(limit)
            .evaluationWindowSec(WINDOW_SECONDS);
    if (scopeDown != null) {
      rate.scopeDownStatement(scopeDown);
    }
    return CfnWebACL.RuleProperty.builder()
        .name(name)
        .priority(priority)
        .action(
            CfnWebACL.RuleActionProperty.builder()
                .block(CfnWebACL.BlockActionProperty.builder().build())
                .build())
        .statement(CfnWebACL.StatementProperty.builder().rateBasedStatement(rate.build()).build())
        .visibilityConfig(visibility(name))
        .build();
  }

  private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
    return CfnWebACL.VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .metricName(metricName)
        .sampledRequestsEnabled(true)
        .build();
  }
}
