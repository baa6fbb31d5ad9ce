package io.mcpplatform.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.CfnMethod;
import software.amazon.awscdk.services.apigateway.Cors;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API in front of the MCP functions: one stage named after the deployment stage, with
 * throttling, JSON access logs, execution logs for errors, X-Ray tracing, and CORS for
 * browser-based MCP clients (the MCP Inspector).
 */
public final class McpApi extends Construct {

  /**
   * Steady-state requests per second the stage accepts (account default is 10,000: this caps cost).
   */
  public static final double RATE_LIMIT = 50;

  /** Burst the stage accepts above the rate. */
  public static final int BURST_LIMIT = 100;

  /**
   * Methods a browser may send: MCP's POST, GET and DELETE, and the REST face's PATCH of a status.
   */
  public static final List<String> CORS_METHODS =
      List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS");

  /** Request headers an MCP Streamable HTTP client sends. */
  public static final List<String> CORS_HEADERS =
      List.of(
          "Content-Type",
          "Accept",
          "Authorization",
          "Mcp-Session-Id",
          "Mcp-Protocol-Version",
          "Last-Event-ID");

  private final RestApi api;
  private final LogGroup accessLogs;

  /**
   * @param scope parent
   * @param id construct id
   * @param name API name shown in the console
   * @param stage the API stage's name (the deployment stage's)
   * @param logRetention how long access logs are kept
   */
  public McpApi(Construct scope, String id, String name, String stage, RetentionDays logRetention) {
    super(scope, id);
    accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .retention(logRetention)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();

    api =
        RestApi.Builder.create(this, "Api")
            .restApiName(name)
            .description(
                "MCP platform: registry and maps MCP servers over Streamable HTTP, registry REST API")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            // API Gateway writes logs through an account-wide role; created here so logging works
            // in a fresh
            // account, and retained because other APIs of the account may rely on it.
            .cloudWatchRole(true)
            .cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN)
            .deployOptions(
                StageOptions.builder()
                    .stageName(stage)
                    .throttlingRateLimit(RATE_LIMIT)
                    .throttlingBurstLimit(BURST_LIMIT)
                    .tracingEnabled(true)
                    .metricsEnabled(true)
                    .loggingLevel(MethodLoggingLevel.ERROR)
                    // never log bodies: they carry tool arguments and tokens
                    .dataTraceEnabled(false)
                    .accessLogDestination(new LogGroupLogDestination(accessLogs))
                    .accessLogFormat(
                        AccessLogFormat.jsonWithStandardFields(
                            JsonWithStandardFieldProps.builder()
                                .caller(false)
                                .httpMethod(true)
                                .ip(true)
                                .protocol(true)
                                .requestTime(true)
                                .resourcePath(true)
                                .responseLength(true)
                                .status(true)
                                .user(false)
                                .build()))
                    .build())
            .defaultCorsPreflightOptions(
                CorsOptions.builder()
                    .allowOrigins(Cors.ALL_ORIGINS)
                    .allowMethods(CORS_METHODS)
                    .allowHeaders(CORS_HEADERS)
                    .exposeHeaders(List.of("Mcp-Session-Id", "Mcp-Protocol-Version"))
                    .maxAge(Duration.hours(1))
                    .build())
            .build();

    // the stack prints its own ApiUrl output; drop the duplicate that RestApi adds
    api.getNode().tryRemoveChild("Endpoint");

    // errors answered by the gateway itself (throttling, missing route) carry CORS headers too
    for (ResponseType type : List.of(ResponseType.DEFAULT_4_XX, ResponseType.DEFAULT_5_XX)) {
      api.addGatewayResponse(
          type == ResponseType.DEFAULT_4_XX ? "Default4xx" : "Default5xx",
          GatewayResponseOptions.builder()
              .type(type)
              .responseHeaders(Map.of("Access-Control-Allow-Origin", "'*'"))
              .build());
    }
  }

  /**
   * Routes every method of {@code path} (a path of literal segments and at most a final {@code
   * {proxy+}}) to the function's alias {@code live}. The integration URI names the function by its
   * logical id and the alias by name, so that {@code sam local start-api} can tell which function
   * serves the route.
   *
   * @param path for example {@code /registry/mcp}
   * @param target the function
   * @return the method
   */
  public Method route(String path, McpLambda target) {
    return route(path, "ANY", target);
  }

  /**
   * Routes the registry's web catalog, read-only: {@code GET /}, {@code GET /servers/{name+}}
   * (greedy, since server names hold a slash, {@code /servers/io.github.x/y}; it carries the tool
   * schema paths below a server too, {@code /servers/io.github.x/y/tools/get/schema}) and {@code
   * GET /assets/{file}}.
   *
   * @param registry the registry function, which renders the pages
   * @return the methods
   */
  public List<Method> webCatalogRoutes(McpLambda registry) {
    return List.of(
        route("/", "GET", registry),
        route("/servers/{name+}", "GET", registry),
        route("/assets/{file}", "GET", registry));
  }

  /**
   * As {@link #route(String, McpLambda)}, for one HTTP method.
   *
   * @param path for example {@code /registry/mcp}, or {@code /} for the root
   * @param httpMethod {@code GET}, {@code ANY}, ...
   * @param target the function
   * @return the method
   */
  public Method route(String path, String httpMethod, McpLambda target) {
    IResource resource = path.equals("/") ? api.getRoot() : api.getRoot().resourceForPath(path);
    Method method =
        resource.addMethod(
            httpMethod,
            LambdaIntegration.Builder.create(target.alias())
                .proxy(true)
                .allowTestInvoke(false)
                .build());
    CfnMethod cfn = (CfnMethod) method.getNode().getDefaultChild();
    cfn.addPropertyOverride(
        "Integration.Uri",
        Fn.sub(
            "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                + target.spec().logicalId()
                + ".Arn}:"
                + McpLambda.LIVE_ALIAS
                + "/invocations"));
    method.getNode().addDependency(target.alias());
    return method;
  }

  /**
   * Routes the legacy HTTP+SSE paths next to a Streamable HTTP path ({@code /x/mcp} gives {@code
   * /x/sse} and {@code /x/messages}) to the same function, which answers them with a JSON-RPC error
   * naming the Streamable HTTP URL: a Lambda behind a REST API cannot hold the long-lived stream
   * that transport needs, and a client told why does better than one that gets API Gateway's bare
   * 403.
   *
   * @param mcpPath a Streamable HTTP path ending in {@code /mcp}
   * @param target the function serving it
   * @return the methods
   */
  public List<Method> legacySseRoutes(String mcpPath, McpLambda target) {
    String base = mcpPath.substring(0, mcpPath.length() - "/mcp".length());
    return List.of(route(base + "/sse", target), route(base + "/messages", target));
  }

  /**
   * @return the REST API
   */
  public RestApi api() {
    return api;
  }

  /**
   * @return the stage's access log group
   */
  public LogGroup accessLogs() {
    return accessLogs;
  }

  /**
   * @param path a path such as {@code /registry/mcp}
   * @return the public URL of the path on the stage
   */
  public String urlFor(String path) {
    return api.urlForPath(path);
  }
}
