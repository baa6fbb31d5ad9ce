package io.mcpplatform.cdk;

import io.mcpplatform.aws.store.RegistryTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
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
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The whole platform in one stack: the registry table, the functions whose jars are built, the REST
 * API, the health-check schedule, the secrets, alarms and dashboard. Environment-agnostic: it
 * synthesizes offline, with no account or region lookups, and the same inputs give the same template.
 */
public final class McpPlatformStack extends Stack {

  /** Rate of the health checker's schedule. */
  public static final String HEALTH_CHECK_SCHEDULE = "rate(5 minutes)";

  private final Map<PlatformFunction, McpLambda> functions = new EnumMap<>(PlatformFunction.class);
  private final Table table;
  private final McpApi api;

  /**
   * @param scope the app
   * @param id stack name
   * @param props stack properties
   * @param settings what to build from
   */
  public McpPlatformStack(Construct scope, String id, StackProps props, StackSettings settings) {
    super(scope, id, props);

    table = registryTable();
    ISecret googleMapsKey = googleMapsSecret(settings.googleMapsSecretName());
    String googleMapsSecretName = settings.googleMapsSecretName() != null
        ? settings.googleMapsSecretName() : defaultGoogleMapsSecretName();
    Secret signingKey = Secret.Builder.create(this, "RegistryTokenSigningKey")
        .description("Key the registry signs its tokens with. Generated at deploy time; never leaves Secrets Manager.")
        .generateSecretString(SecretStringGenerator.builder()
            .passwordLength(64).excludePunctuation(true).includeSpace(false).build())
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    NagRules.signingKey(signingKey);

    Map<String, String> registryEnv = new LinkedHashMap<>();
    registryEnv.put("TABLE_NAME", table.getTableName());
    registryEnv.put("REGISTRY_URL_POLICY", "https-only");
    // a registration shows up in search on every warm instance within a second
    registryEnv.put("INDEX_REFRESH_MS", "1000");
    registryEnv.put("REGISTRY_SIGNING_SECRET_ARN", signingKey.getSecretArn());
    McpLambda registry = function(settings, PlatformFunction.REGISTRY, registryEnv);
    if (registry != null) {
      table.grantReadWriteData(registry.role());
      signingKey.grantRead(registry.role());
    }

    Map<String, String> mapsEnv = new LinkedHashMap<>();
    mapsEnv.put("GOOGLE_MAPS_SECRET_NAME", googleMapsSecretName);
    mapsEnv.put("TABLE_NAME", table.getTableName());
    McpLambda maps = function(settings, PlatformFunction.MAPS, mapsEnv);
    if (maps != null) {
      // the geocode cache: one item read or written per lookup
      table.grant(maps.role(), "dynamodb:GetItem", "dynamodb:PutItem");
      googleMapsKey.grantRead(maps.role());
    }

    McpLambda healthChecker = function(settings, PlatformFunction.HEALTH_CHECKER,
        Map.of("TABLE_NAME", table.getTableName()));
    if (healthChecker != null) {
      // lists servers through the indexes, writes health fields with conditional updates, adds history items
      table.grant(healthChecker.role(),
          "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem");
      // a failed run is not retried: the next scheduled run carries on where it stopped
      healthChecker.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(0).build());
      Rule.Builder.create(this, "HealthCheckSchedule")
          .description("Runs the health checker")
          .schedule(Schedule.expression(HEALTH_CHECK_SCHEDULE))
          .targets(List.of(LambdaFunction.Builder.create(healthChecker.alias()).retryAttempts(0).build()))
          .build();
    }

    api = new McpApi(this, "McpApi", id + "-api");
    new CfnOutput(this, "ApiUrl", output(api.api().getUrl(), "Base URL of the API (stage " + McpApi.STAGE + ")"));
    List<Method> routes = new ArrayList<>();
    if (registry != null) {
      routes.add(api.route("/registry/mcp", registry));
      routes.addAll(api.legacySseRoutes("/registry/mcp", registry));
      routes.add(api.route("/v0.1/{proxy+}", registry));
      new CfnOutput(this, "RegistryMcpUrl", output(api.urlFor("/registry/mcp"),
          "Registry MCP endpoint (Streamable HTTP)"));
      new CfnOutput(this, "RegistryApiUrl", output(api.urlFor("/v0.1/servers"),
          "Registry REST API (MCP Registry API v0.1)"));
    }
    if (maps != null) {
      routes.add(api.route("/maps/mcp", maps));
      routes.addAll(api.legacySseRoutes("/maps/mcp", maps));
      new CfnOutput(this, "MapsMcpUrl", output(api.urlFor("/maps/mcp"), "Maps MCP endpoint (Streamable HTTP)"));
    }
    new CfnOutput(this, "TableName", output(table.getTableName(), "Registry DynamoDB table (retained on delete)"));
    new CfnOutput(this, "GoogleMapsSecretName", output(googleMapsSecretName,
        "Secret that holds the Google Maps API key (aws secretsmanager put-secret-value)"));

    List<McpLambda> deployed = new ArrayList<>(functions.values());
    Monitoring monitoring = new Monitoring(this, "Monitoring", id, api.api(), deployed,
        settings.alarmTopicArn() == null ? null : Topic.fromTopicArn(this, "AlarmTopic", settings.alarmTopicArn()));
    new CfnOutput(this, "DashboardName", output(monitoring.dashboard().getDashboardName(), "CloudWatch dashboard"));

    NagRules.apply(this, table, api, deployed, routes);
  }

  /** @return the functions this stack deploys (those whose jar exists) */
  public Map<PlatformFunction, McpLambda> functions() {
    return Map.copyOf(functions);
  }

  /** @return the registry table */
  public Table table() {
    return table;
  }

  /** @return the API */
  public McpApi api() {
    return api;
  }

  /** @return the name of the secret created for the Google Maps key when none is imported */
  public String defaultGoogleMapsSecretName() {
    return getStackName() + "/google-maps-api-key";
  }

  private Table registryTable() {
    Table t = Table.Builder.create(this, "RegistryTable")
        .partitionKey(stringKey(RegistryTable.PARTITION_KEY))
        .sortKey(stringKey(RegistryTable.SORT_KEY))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true).build())
        .timeToLiveAttribute(RegistryTable.TTL_ATTRIBUTE)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
        .indexName(RegistryTable.BY_UPDATED_INDEX)
        .partitionKey(stringKey(RegistryTable.GSI_PARTITION_KEY))
        .sortKey(stringKey(RegistryTable.BY_UPDATED_SORT_KEY))
        .projectionType(ProjectionType.ALL)
        .build());
    t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
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
    Secret secret = Secret.Builder.create(this, "GoogleMapsApiKey")
        .secretName(defaultGoogleMapsSecretName())
        .description("Google Maps Geocoding API key for the maps function. Created empty: set it with "
            + "aws secretsmanager put-secret-value --secret-id " + defaultGoogleMapsSecretName()
            + " --secret-string YOUR_KEY. Until then the maps function answers from its offline geocoder.")
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    // CDK would generate a random value; the secret starts empty until the owner puts the real key
    ((CfnSecret) secret.getNode().getDefaultChild()).addPropertyDeletionOverride("GenerateSecretString");
    NagRules.googleMapsKey(secret);
    return secret;
  }

  private McpLambda function(StackSettings settings, PlatformFunction spec, Map<String, String> env) {
    Path jar = settings.repoRoot().resolve(spec.jar()).normalize();
    if (!Files.isRegularFile(jar)) {
      String message = spec.id() + " is not in this stack: " + spec.jar() + " does not exist (build it with "
          + "`mvn -B package -DskipTests` at the repository root, then synthesize again)";
      if (settings.requiredFunctions().contains(spec)) {
        Annotations.of(this).addError(message);
      } else {
        Annotations.of(this).addWarningV2("mcp-platform:function-skipped:" + spec.id(), message);
      }
      return null;
    }
    McpLambda f = new McpLambda(this, spec, jar, env);
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
