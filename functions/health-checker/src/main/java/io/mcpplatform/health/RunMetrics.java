package io.mcpplatform.health;

import io.mcpplatform.aws.lambda.FunctionMetrics;
import io.mcpplatform.core.health.RunSummary;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Records a run's counts and duration as the health checker's metrics; {@link
 * io.mcpplatform.aws.lambda.LambdaObservability} writes them, at the end of the invocation, as one
 * CloudWatch embedded-metric-format line (namespace {@code McpPlatform}, dimension {@code Service =
 * health-checker}). {@value #SERVERS_CHECKED} and {@value #SERVERS_UNHEALTHY} are the names the CDK
 * dashboard reads.
 */
public final class RunMetrics {

  /** Servers probed in a run. */
  public static final String SERVERS_CHECKED = "ServersChecked";

  /** Servers found unhealthy in a run. */
  public static final String SERVERS_UNHEALTHY = "ServersUnhealthy";

  private final FunctionMetrics metrics;

  /**
   * @param metrics where the run's metrics go
   */
  public RunMetrics(FunctionMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * @param s the run
   */
  public void record(RunSummary s) {
    metrics.add(SERVERS_CHECKED, s.checked(), MetricUnit.COUNT);
    metrics.add(SERVERS_UNHEALTHY, s.unhealthy(), MetricUnit.COUNT);
    metrics.add("ProbesUp", s.up(), MetricUnit.COUNT);
    metrics.add("ProbesDown", s.down(), MetricUnit.COUNT);
    metrics.add("ProbesRefused", s.refused(), MetricUnit.COUNT);
    metrics.add("ServersDeferred", s.deferred(), MetricUnit.COUNT);
    metrics.add("CheckErrors", s.errors(), MetricUnit.COUNT);
    metrics.add("RunDuration", s.durationMillis(), MetricUnit.MILLISECONDS);
  }
}
