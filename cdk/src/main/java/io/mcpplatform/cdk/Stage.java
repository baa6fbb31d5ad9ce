package io.mcpplatform.cdk;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A deployment stage: one app synthesizes one stack per stage ({@code McpPlatform-dev}, ...), each
 * with the settings its purpose calls for. Promotion runs dev, then staging or prod, from the same
 * commit.
 *
 * <ul>
 *   <li>{@link #DEV}: throw-away. {@code cdk destroy} removes the table with the stack; no
 *       point-in-time recovery; logs kept a week; no web ACL unless asked for (its fixed monthly
 *       fee).
 *   <li>{@link #STAGING}: prod's shape on data that may be lost: recovery and web ACL on, table
 *       destroyed with the stack, logs kept a month.
 *   <li>{@link #PROD}: the table is retained on delete and protected against deletion, with
 *       point-in-time recovery; alarms notify an SNS topic (created when none is given); logs kept
 *       six months.
 * </ul>
 */
public enum Stage {

  /** Development: destroyable, cheap. */
  DEV("dev", RemovalPolicy.DESTROY, false, false, RetentionDays.ONE_WEEK, false, false),
  /** Pre-production: prod's protections except retention of the data. */
  STAGING("staging", RemovalPolicy.DESTROY, true, false, RetentionDays.ONE_MONTH, true, false),
  /** Production: data retained and protected, alarms always routed. */
  PROD("prod", RemovalPolicy.RETAIN, true, true, RetentionDays.SIX_MONTHS, true, true);

  private final String id;
  private final RemovalPolicy tableRemoval;
  private final boolean pointInTimeRecovery;
  private final boolean deletionProtection;
  private final RetentionDays logRetention;
  private final boolean webAclByDefault;
  private final boolean alarmTopicRequired;

  Stage(
      String id,
      RemovalPolicy tableRemoval,
      boolean pointInTimeRecovery,
      boolean deletionProtection,
      RetentionDays logRetention,
      boolean webAclByDefault,
      boolean alarmTopicRequired) {
    this.id = id;
    this.tableRemoval = tableRemoval;
    this.pointInTimeRecovery = pointInTimeRecovery;
    this.deletionProtection = deletionProtection;
    this.logRetention = logRetention;
    this.webAclByDefault = webAclByDefault;
    this.alarmTopicRequired = alarmTopicRequired;
  }

  /**
   * @return the stage's name in context, stack names and the API's stage
   */
  public String id() {
    return id;
  }

  /**
   * @return what happens to the registry table when the stack is deleted
   */
  public RemovalPolicy tableRemoval() {
    return tableRemoval;
  }

  /**
   * @return whether the table has point-in-time recovery
   */
  public boolean pointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  /**
   * @return whether the table refuses deletion (also by CloudFormation) until the flag is cleared
   */
  public boolean deletionProtection() {
    return deletionProtection;
  }

  /**
   * @return how long function and access logs are kept
   */
  public RetentionDays logRetention() {
    return logRetention;
  }

  /**
   * @return whether the API gets the rate-limiting web ACL when context does not say
   */
  public boolean webAclByDefault() {
    return webAclByDefault;
  }

  /**
   * @return whether alarms must notify a topic (one is created when {@code alarmTopicArn} is not
   *     given)
   */
  public boolean alarmTopicRequired() {
    return alarmTopicRequired;
  }

  /**
   * @return the stack's name, {@code McpPlatform-<stage>}
   */
  public String stackName() {
    return "McpPlatform-" + id;
  }

  /**
   * @param name a stage name such as {@code prod}
   * @return that stage
   * @throws IllegalArgumentException naming the allowed stages when there is none of that name
   */
  public static Stage byId(String name) {
    for (Stage s : values()) {
      if (s.id.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "context 'stage' must be one of dev, staging, prod (got '" + name + "')");
  }
}
