package io.mcpplatform.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.aws.store.DynamoDbClientFactory;
import io.mcpplatform.aws.store.DynamoDbRegistryStore;
import io.mcpplatform.core.health.HealthCheckService;
import io.mcpplatform.core.health.RunSummary;
import io.mcpplatform.probe.McpHealthProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The health checker's Lambda entry point, run by an EventBridge schedule: checks every active
 * server (see {@link HealthCheckService#checkAll}), stops starting probes before the invocation's
 * deadline, emits the run's metrics and returns its summary. The no-argument constructor builds
 * clients once, in Lambda's init phase.
 */
public final class HealthCheckHandler
    implements RequestHandler<ScheduledEvent, Map<String, Object>> {

  /**
   * The function's name: the {@code service} of its logs and the {@code Service} of its metrics.
   */
  public static final String SERVICE = "health-checker";

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckHandler.class);

  private final HealthCheckService checks;
  private final int concurrency;
  private final long reserveMillis;
  private final RunMetrics metrics;
  private final LambdaObservability observability;
  private final ProbePriming priming;

  /** Wires the checker from the environment ({@link HealthCheckerConfig}) against DynamoDB. */
  public HealthCheckHandler() {
    this(HealthCheckerConfig.fromEnvironment(), LambdaObservability.forFunction(SERVICE));
    priming.register();
  }

  private HealthCheckHandler(HealthCheckerConfig config, LambdaObservability observability) {
    this(
        new HealthCheckService(
            new DynamoDbRegistryStore(client(config), config.tableName()),
            new McpHealthProbe(config.probe()),
            Clock.systemUTC(),
            null),
        config.concurrency(),
        config.reserveMillis(),
        observability);
  }

  /**
   * @param checks the wired use case
   * @param concurrency probes at once
   * @param reserveMillis no probe starts with less time left than this
   * @param observability what each run is logged, measured and traced in ({@link
   *     LambdaObservability#none()} locally)
   */
  public HealthCheckHandler(
      HealthCheckService checks,
      int concurrency,
      long reserveMillis,
      LambdaObservability observability) {
    this.checks = checks;
    this.concurrency = concurrency;
    this.reserveMillis = reserveMillis;
    this.observability = observability;
    this.metrics = new RunMetrics(observability);
    this.priming = new ProbePriming();
  }

  /**
   * @return the SnapStart priming hooks (registered by the no-argument constructor)
   */
  public ProbePriming priming() {
    return priming;
  }

  private static DynamoDbClient client(HealthCheckerConfig config) {
    if (config.dynamoDbEndpoint() != null) {
      return DynamoDbClientFactory.createLocal(config.dynamoDbEndpoint());
    }
    return DynamoDbClientFactory.create(
        config.region() == null ? Region.US_EAST_1 : Region.of(config.region()));
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    try {
      return observability.invoke(context, () -> run(event, context));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> run(ScheduledEvent event, Context context) {
    RunSummary summary =
        checks.checkAll(concurrency, context::getRemainingTimeInMillis, reserveMillis);
    metrics.record(summary);
    LOG.info(
        "health check run{}: {} of {} servers checked ({} up, {} down, {} refused), {} unhealthy,"
            + " {} deferred to the next run, {} errors, {} ms",
        event == null || event.getId() == null ? "" : " for event " + event.getId(),
        summary.checked(),
        summary.servers(),
        summary.up(),
        summary.down(),
        summary.refused(),
        summary.unhealthy(),
        summary.deferred(),
        summary.errors(),
        summary.durationMillis());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("servers", summary.servers());
    out.put("checked", summary.checked());
    out.put("up", summary.up());
    out.put("down", summary.down());
    out.put("refused", summary.refused());
    out.put("unhealthy", summary.unhealthy());
    out.put("errors", summary.errors());
    out.put("deferred", summary.deferred());
    out.put("complete", summary.complete());
    out.put("durationMillis", summary.durationMillis());
    return out;
  }
}
