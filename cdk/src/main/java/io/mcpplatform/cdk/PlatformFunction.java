package io.mcpplatform.cdk;

import java.nio.file.Path;
import software.amazon.awscdk.Duration;

/**
 * The Lambda functions of the platform: where each deployable jar is built, its handler, and the
 * memory and timeout it runs with.
 *
 * <p>Memory: Lambda gives CPU in proportion to memory, and a JVM's class loading, JIT and Jackson
 * warm-up are CPU bound, so 1024 MB buys about two thirds of a vCPU. Below that, first requests
 * after a SnapStart restore (which still load and JIT the request path) get visibly slower; above
 * it, a single-threaded request path gains little.
 */
public enum PlatformFunction {

  /**
   * The registry: MCP tools and the REST face. Timeout 20 s: well under API Gateway's 29 s
   * integration limit, and far above a request's DynamoDB round trips (tens of milliseconds), so a
   * slow request fails in the function with a JSON-RPC error rather than at the gateway with a bare
   * 504.
   */
  REGISTRY(
      "registry",
      "registry",
      "io.mcpplatform.registry.RegistryHandler::handleRequest",
      1024,
      Duration.seconds(20),
      20),

  /**
   * The maps server. Memory 1024 MB also holds the offline gazetteer (about 100 MB of heap) used
   * when Google is not configured or fails. Timeout 15 s: Google's 10 s client timeout, then an
   * offline answer, with margin.
   */
  MAPS(
      "maps",
      "maps",
      "io.mcpplatform.maps.MapsHandler::handleRequest",
      1024,
      Duration.seconds(15),
      10),

  /**
   * The scheduled health checker. Memory 1024 MB for its bounded probe concurrency (the issue's
   * figure: 1,000 servers within 512 MB of heap). Timeout 180 s: a run stops before its deadline
   * and carries on at the next one, and 3 minutes keeps a run well inside the 5-minute schedule so
   * runs never overlap.
   */
  HEALTH_CHECKER(
      "health-checker",
      "healthchecker",
      "io.mcpplatform.health.HealthCheckHandler::handleRequest",
      1024,
      Duration.seconds(180),
      2);

  private final String id;
  private final String logicalId;
  private final String handler;
  private final int memoryMb;
  private final Duration timeout;
  private final int reservedConcurrency;

  PlatformFunction(
      String id,
      String logicalId,
      String handler,
      int memoryMb,
      Duration timeout,
      int reservedConcurrency) {
    this.id = id;
    this.logicalId = logicalId;
    this.handler = handler;
    this.memoryMb = memoryMb;
    this.timeout = timeout;
    this.reservedConcurrency = reservedConcurrency;
  }

  /**
   * @return the function's name everywhere: module folder, events folder, construct id
   */
  public String id() {
    return id;
  }

  /**
   * @return the CloudFormation logical id of the function, alphanumeric so that {@code sam local
   *     invoke <logicalId>} and SAM's {@code ${logicalId.Arn}} parsing both work
   */
  public String logicalId() {
    return logicalId;
  }

  /**
   * @return the handler, {@code class::method}
   */
  public String handler() {
    return handler;
  }

  /**
   * @return configured memory in MB
   */
  public int memoryMb() {
    return memoryMb;
  }

  /**
   * @return configured timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * @return the instances the function may run at once. The registry: the stage's 50 requests/s at
   *     tens of milliseconds each need a handful, 20 leave room for cold starts and slow DynamoDB
   *     calls. Maps: 10, half the registry's, as it answers fewer calls and each may cost a Google
   *     request. The health checker: 2, one scheduled run and one manual run at a time.
   */
  public int reservedConcurrency() {
    return reservedConcurrency;
  }

  /**
   * @return the deployable jar relative to the repository root, as {@code mvn package} builds it
   */
  public Path jar() {
    return Path.of("functions", id, "target", id + ".jar");
  }

  /**
   * @param name a function name such as {@code health-checker}
   * @return the function of that name
   * @throws IllegalArgumentException when no function has that name
   */
  public static PlatformFunction byId(String name) {
    for (PlatformFunction f : values()) {
      if (f.id.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown function '" + name + "' (known: registry, maps, health-checker)");
  }
}
