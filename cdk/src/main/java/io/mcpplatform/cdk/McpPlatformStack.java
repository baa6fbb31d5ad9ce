package io.mcpplatform.cdk;

import io.mcpplatform.aws.store.RegistryTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The whole platform in one stack per stage: the registry table, the functions, the REST API, the
 * health-check schedule, the secrets, the edge limits, alarms and dashboard. Complete or nothing:
 * it is not built unless every function it deploys has an up-to-date jar ({@link DeployableJars}).
 * Environment-agnostic: it synthesizes offline, with no account or region lookups, and the same
 * inputs give the same template.
 */
public final class McpPlatformStack extends Stack {

  /** Rate of the health checker's schedule. */
  public static final String HEALTH_CHECK_SCHEDULE = "rate(5 minutes)";

  private final Map<PlatformFunction, McpLambda> functions = new EnumMap<>(PlatformFunction.class);
  private final StackSettings settings;
  private final Table table;
  private final Secret signingKey;
  private final McpApi api;
  private final EdgeProtection edge;
  private final ITopic alarmTopic;

  /**
   * @param scope the app
   * @param id stack name
   * @param props stack properties
   * @param settings what to build from
   * @throws DeployableJars.MissingArtifactException when a function's jar is missing or stale
   */
  public McpPlatformStack(Construct scope, String id, StackProps props, StackSettings settings) {
    super(scope, id, requireJars(props, settings));
    this.settings = settings;
    Stage stage = settings.stage();

    table = registryTable(stage);
    signingKey = signingKeySecret();

    Map<String, String> registryEnv = new LinkedHashMap<>();
    registryEnv.put("TABLE_NAME", table.getTableName());
    registryEnv.put("REGISTRY_URL_POLICY", "https-only");
    // a registration shows up in search on every warm instance within a second
    registryEnv.put("INDEX_REFRESH_MS", "1000");
    registryEnv.put("REGISTRY_SIGNING_SECRET_ARN", signingKey.getSecretArn());
    McpLambda registry = function(PlatformFunction.REGISTRY, registryEnv);
    TableAccess.registry(table, registry.role());
    signingKey.grantRead(registry.role());

    McpLambda maps = null;
    String googleMapsSecretName = null;
    if (settings.hasMaps()) {
      ISecret googleMapsKey = googleMapsSecret(settings.googleMapsSecretName());
      googleMapsSecretName =
          settings.googleMapsSecretName() != null
              ? settings.googleMapsSecretName()
              : defaultGoogleMapsSecretName();
      Map<String, String> mapsEnv = new LinkedHashMap<>();
      mapsEnv.put("GOOGLE_MAPS_SECRET_NAME", googleMapsSecretName);
      mapsEnv.put("TABLE_NAME", table.getTableName());
      maps = function(PlatformFunction.MAPS, mapsEnv);
      TableAccess.maps(table, maps.role());
      googleMapsKey.grantRead(maps.role());
    }

    if (settings.functions().contains(PlatformFunction.HEALTH_CHECKER)) {
      McpLambda healthChecker =
          function(PlatformFunction.HEALTH_CHECKER, Map.of("TABLE_NAME", table.getTableName()));
      TableAccess.healthChecker(table, healthChecker.role());
      // a failed run is not retried: the next scheduled run carries on where it stopped
      healthChecker
          .alias()
          .configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(0).build());
      Rule.Builder.create(this, "HealthCheckSchedule")
          .description("Runs the health checker")
          .schedule(Schedule.expression(HEALTH_CHECK_SCHEDULE))
          .targets(
              List.of(
                  LambdaFunction.Builder.create(healthChecker.alias()).retryAttempts(0).build()))
          .build();
    }

    api = new McpApi(this, "McpApi", id + "-api", stage.id(), stage.logRetention());
    edge =
        settings.webAcl()
            ? new EdgeProtection(this, "Edge", id + "-edge", api.api(), maps != null)
            : null;
    new CfnOutput(
        this,
        "ApiUrl",
        output(api.api().getUrl(), "Base URL of the API (stage " + stage.id() + ")"));
    List<Method> routes = new ArrayList<>();
    routes.add(api.route("/registry/mcp", registry));
    routes.addAll(api.legacySseRoutes("/registry/mcp", registry));
    routes.add(api.route("/v0.1/{proxy+}", registry));
    routes.addAll(api.webCatalogRoutes(registry));
    new CfnOutput(
        this,
        "RegistryMcpUrl",
        output(api.urlFor("/registry/mcp"), "Registry MCP endpoint (Streamable HTTP)"));
    new CfnOutput(
        this,
        "RegistryApiUrl",
        output(api.urlFor("/v0.1/servers"), "Registry REST API (MCP Registry API v0.1)"));
    if (maps != null) {
      routes.add(api.route("/maps/mcp", maps));
      routes.addAll(api.legacySseRoutes("/maps/mcp", maps));
      new CfnOutput(
          this,
          "MapsMcpUrl",
          output(api.urlFor("/maps/mcp"), "Maps MCP endpoint (Streamable HTTP)"));
      new CfnOutput(
          this,
          "GoogleMapsSecretName",
          output(
              googleMapsSecretName,
              "Secret that holds the Google Maps API key (aws secretsmanager put-secret-value)"));
    }
    new CfnOutput(
        this,
        "TableName",
        output(
            table.getTableName(),
            "Registry DynamoDB table ("
                + (stage.tableRemoval() == RemovalPolicy.RETAIN ? "retained" : "deleted")
                + " with the stack)"));

    alarmTopic = alarmTopic(settings);
    List<McpLambda> deployed = new ArrayList<>(functions.values());
    Monitoring monitoring = new Monitoring(this, "Monitoring", id, api.api(), deployed, alarmTopic);
    new CfnOutput(
        this,
        "DashboardName",
        output(monitoring.dashboard().getDashboardName(), "CloudWatch dashboard"));
    if (alarmTopic != null) {
      new CfnOutput(
          this,
          "AlarmTopicArn",
          output(alarmTopic.getTopicArn(), "SNS topic every alarm notifies"));
    }

    NagRules.apply(stage, table, api, deployed, routes, edge != null);
  }

  /**
   * @return the functions this stack deploys
   */
  public Map<PlatformFunction, McpLambda> functions() {
    return Map.copyOf(functions);
  }

  /**
   * @return the registry table
   */
  public Table table() {
    return table;
  }

  /**
   * @return the API
   */
  public McpApi api() {
    return api;
  }

  /**
   * @return the settings the stack was built from
   */
  public StackSettings settings() {
    return settings;
  }

  /**
   * The registry's token-signing key. A rotation function or a second key attaches here ({@code
   * signingKey().addRotationSchedule(...)}, {@code grantRead} to the registry's role).
   *
   * @return the signing key secret
   */
  public Secret signingKey() {
    return signingKey;
  }

  /**
   * @return the web ACL in front of the API, or null when the stage has none
   */
  public EdgeProtection edge() {
    return edge;
  }

  /**
   * @return the topic alarms notify, or null when none is configured
   */
  public ITopic alarmTopic() {
    return alarmTopic;
  }

  /**
   * @return the name of the secret created for the Google Maps key when none is imported
   */
  public String defaultGoogleMapsSecretName() {
    return getStackName() + "/google-maps-api-key";
  }

  private static StackProps requireJars(StackProps props, StackSettings settings) {
    DeployableJars.check(settings.repoRoot(), settings.functions());
    return props;
  }

  private Table registryTable(Stage stage) {
    Table t =
        Table.Builder.create(this, "RegistryTable")
            .partitionKey(stringKey(RegistryTable.PARTITION_KEY))
            .sortKey(stringKey(RegistryTable.SORT_KEY))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder()
                    .pointInTimeRecoveryEnabled(stage.pointInTimeRecovery())
                    .build())
            .deletionProtection(stage.deletionProtection())
            .timeToLiveAttribute(RegistryTable.TTL_ATTRIBUTE)
            .removalPolicy(stage.tableRemoval())
            .build();
    t.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(RegistryTable.BY_UPDATED_INDEX)
            .partitionKey(stringKey(RegistryTable.GSI_PARTITION_KEY))
            .sortKey(stringKey(RegistryTable.BY_UPDATED_SORT_KEY))
            .projectionType(ProjectionType.ALL)
            .build());
    t.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(RegistryTable.BY_CHANGE_INDEX)
            .partitionKey(stringKey(RegistryTable.GSI_PARTITION_KEY))
            .sortKey(stringKey(RegistryTable.BY_CHANGE_SORT_KEY))
            .projectionType(ProjectionType.ALL)
            .build());
    return t;
  }

  private ISecret googleMapsSecret(String importName) {
    if (importName != null) {
      return Secret.fromSecretNameV2(this, "GoogleMapsApiKey", importName);
    }
    Secret secret =
        Secret.Builder.create(this, "GoogleMapsApiKey")
            .secretName(defaultGoogleMapsSecretName())
            .description(
                "Google Maps Geocoding API key for the maps function. Created empty: set it with "
                    + "aws secretsmanager put-secret-value --secret-id "
                    + defaultGoogleMapsSecretName()
                    + " --secret-string YOUR_KEY. Until then the maps function answers from its offline geocoder.")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    // CDK would generate a random value; the secret starts empty until the owner puts the real key
    ((CfnSecret) secret.getNode().getDefaultChild())
        .addPropertyDeletionOverride("GenerateSecretString");
    NagRules.googleMapsKey(secret);
    return secret;
  }

  private Secret signingKeySecret() {
    Secret secret =
        Secret.Builder.create(this, "RegistryTokenSigningKey")
            .description(
                "Key the registry signs its tokens with. Generated at deploy time; never leaves Secrets Manager.")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .passwordLength(64)
                    .excludePunctuation(true)
                    .includeSpace(false)
                    .build())
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    NagRules.signingKey(secret);
    return secret;
  }

  private ITopic alarmTopic(StackSettings settings) {
    if (settings.alarmTopicArn() != null) {
      return Topic.fromTopicArn(this, "AlarmTopic", settings.alarmTopicArn());
    }
    if (!settings.stage().alarmTopicRequired()) {
      return null;
    }
    // CloudWatch publishes to an encrypted topic only through a customer managed key that lets it
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .description("Encrypts the alarm topic of " + getStackName())
            .enableKeyRotation(true)
            .build();
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .build());
    return Topic.Builder.create(this, "Alarms")
        .displayName("MCP platform alarms (" + settings.stage().id() + ")")
        .masterKey(key)
        .enforceSsl(true)
        .build();
  }

  private McpLambda function(PlatformFunction spec, Map<String, String> env) {
    Path jar = settings.repoRoot().resolve(spec.jar()).normalize();
    McpLambda f =
        new McpLambda(
            this, spec, jar, env, settings.stage().logRetention(), settings.reservedConcurrency());
    functions.put(spec, f);
    return f;
  }

  private static Attribute stringKey(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }

  private static CfnOutputProps output(String value, String description) {
    return CfnOutputProps.builder().value(value).description(description).build();
  }
}
