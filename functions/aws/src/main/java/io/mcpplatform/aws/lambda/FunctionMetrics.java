package io.mcpplatform.aws.lambda;

import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Where a function records its custom metrics during an invocation; {@link LambdaObservability}
 * flushes them as one embedded-metric-format line at the end of it.
 */
@FunctionalInterface
public interface FunctionMetrics {

  /** Records nothing (the local system). */
  FunctionMetrics NONE = (name, value, unit) -> {};

  /**
   * @param name the metric's name, for example {@code SearchRequests}
   * @param value its value
   * @param unit its unit
   */
  void add(String name, double value, MetricUnit unit);
}
