package io.mcpplatform.health;

import io.mcpplatform.core.health.RunSummary;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's counts and duration as one CloudWatch embedded-metric-format line (namespace
 * {@value #NAMESPACE}, dimension {@code Service = health-checker}); CloudWatch turns the log line into
 * metrics. The stream is the function's standard output, where Lambda collects log lines.
 */
public final class RunMetrics {

  /** Namespace of the platform's custom metrics. */
  public static final String NAMESPACE = "McpPlatform";
  /** Value of the {@code Service} dimension. */
  public static final String SERVICE = "health-checker";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String[]> METRICS = List.of(
      new String[] {"ServersChecked", "Count"},
      new String[] {"ServersUnhealthy", "Count"},
      new String[] {"ProbesUp", "Count"},
      new String[] {"ProbesDown", "Count"},
      new String[] {"ProbesRefused", "Count"},
      new String[] {"ServersDeferred", "Count"},
      new String[] {"CheckErrors", "Count"},
      new String[] {"RunDuration", "Milliseconds"});

  private final PrintStream out;

  /** @param out where the line goes (standard output in Lambda) */
  public RunMetrics(PrintStream out) {
    this.out = out;
  }

  /**
   * @param summary the run
   * @param timestampMillis the metric time, epoch milliseconds
   */
  public void emit(RunSummary summary, long timestampMillis) {
    out.println(line(summary, timestampMillis));
    out.flush();
  }

  static String line(RunSummary s, long timestampMillis) {
    Map<String, Object> definitions = new LinkedHashMap<>();
    definitions.put("Namespace", NAMESPACE);
    definitions.put("Dimensions", List.of(List.of("Service")));
    definitions.put("Metrics", METRICS.stream().map(m -> Map.of("Name", m[0], "Unit", m[1])).toList());
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", timestampMillis);
    aws.put("CloudWatchMetrics", List.of(definitions));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", aws);
    root.put("Service", SERVICE);
    root.put("ServersChecked", s.checked());
    root.put("ServersUnhealthy", s.unhealthy());
    root.put("ProbesUp", s.up());
    root.put("ProbesDown", s.down());
    root.put("ProbesRefused", s.refused());
    root.put("ServersDeferred", s.deferred());
    root.put("CheckErrors", s.errors());
    root.put("RunDuration", s.durationMillis());
    return JSON.writeValueAsString(root);
  }
}
