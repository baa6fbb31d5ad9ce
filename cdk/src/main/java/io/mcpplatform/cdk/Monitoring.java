package io.mcpplatform.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Alarms (function errors and throttles, API 5xx, health checker not completing its runs) and the
 * dashboard of the registry's own metrics.
 *
 * <p>The custom metrics are emitted by the functions in CloudWatch embedded metric format
 * (Powertools Metrics) in namespace {@value #NAMESPACE} with the dimension {@code Service} =
 * function name; the names below are the contract with the functions.
 */
public final class Monitoring extends Construct {

  /** Namespace of the functions' custom metrics. */
  public static final String NAMESPACE = "McpPlatform";

  /** Registry: count of {@code search_servers} calls (Count). */
  public static final String SEARCH_REQUESTS = "SearchRequests";

  /** Registry: time to answer a search (Milliseconds). */
  public static final String SEARCH_LATENCY = "SearchLatency";

  /** Registry: servers in the catalog, emitted as a gauge (Count). */
  public static final String TOTAL_SERVERS = "TotalServers";

  /** Registry: rejected or failed registrations (Count). */
  public static final String REGISTRATION_ERRORS = "RegistrationErrors";

  /** Health checker: servers probed in a run (Count). */
  public static final String SERVERS_CHECKED = "ServersChecked";

  /** Health checker: servers found unhealthy in a run (Count). */
  public static final String SERVERS_UNHEALTHY = "ServersUnhealthy";

  private static final Duration PERIOD = Duration.minutes(5);

  private final Dashboard dashboard;
  private final List<Alarm> alarms = new ArrayList<>();

  /**
   * @param scope parent
   * @param id construct id
   * @param dashboardName name of the dashboard
   * @param api the REST API
   * @param functions the deployed functions
   * @param alarmTopic topic every alarm notifies, nullable
   */
  public Monitoring(
      Construct scope,
      String id,
      String dashboardName,
      RestApi api,
      List<McpLambda> functions,
      ITopic alarmTopic) {
    super(scope, id);

    for (McpLambda f : functions) {
      alarms.add(
          f.function()
              .metricErrors(sum())
              .createAlarm(
                  this,
                  f.spec().id() + "-errors",
                  atLeastOnce(f.spec().id() + ": at least one invocation failed in 5 minutes")));
      alarms.add(
          f.function()
              .metricThrottles(sum())
              .createAlarm(
                  this,
                  f.spec().id() + "-throttles",
                  atLeastOnce(
                      f.spec().id() + ": invocations were throttled (concurrency limit reached)")));
    }
    alarms.add(
        api.metricServerError(sum())
            .createAlarm(
                this,
                "api-5xx",
                CreateAlarmOptions.builder()
                    .alarmDescription("API: 5 or more 5xx answers in 5 minutes")
                    .threshold(5)
                    .evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build()));
    functions.stream()
        .filter(f -> f.spec() == PlatformFunction.HEALTH_CHECKER)
        .findFirst()
        .ifPresent(
            h ->
                alarms.add(
                    h.function()
                        .metricInvocations(sum())
                        .createAlarm(
                            this,
                            "health-checker-not-running",
                            CreateAlarmOptions.builder()
                                .alarmDescription(
                                    "health-checker: no run in 15 minutes (schedule disabled or every run failing"
                                        + " before start)")
                                .threshold(1)
                                .evaluationPeriods(3)
                                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                                .treatMissingData(TreatMissingData.BREACHING)
                                .build())));
    if (alarmTopic != null) {
      SnsAction action = new SnsAction(alarmTopic);
      alarms.forEach(a -> a.addAlarmAction(action));
    }

    dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName(dashboardName).build();
    dashboard.addWidgets(
        TextWidget.Builder.create()
            .markdown(
                "# MCP registry\nCustom metrics (namespace `"
                    + NAMESPACE
                    + "`) emitted by the functions.")
            .width(24)
            .height(2)
            .build());
    dashboard.addWidgets(
        graph(
            "Search requests", List.of(custom(PlatformFunction.REGISTRY, SEARCH_REQUESTS, "Sum"))),
        graph(
            "Search latency (ms)",
            List.of(
                custom(PlatformFunction.REGISTRY, SEARCH_LATENCY, "p50"),
                custom(PlatformFunction.REGISTRY, SEARCH_LATENCY, "p99"))),
        SingleValueWidget.Builder.create()
            .title("Total servers")
            .metrics(List.of(custom(PlatformFunction.REGISTRY, TOTAL_SERVERS, "Maximum")))
            .width(6)
            .height(6)
            .build(),
        graph(
            "Registration errors",
            List.of(custom(PlatformFunction.REGISTRY, REGISTRATION_ERRORS, "Sum"))));
    dashboard.addWidgets(
        graph("API requests", List.of(api.metricCount(sum()))),
        graph("API errors", List.of(api.metricClientError(sum()), api.metricServerError(sum()))),
        graph(
            "API latency (ms)",
            List.of(api.metricLatency(stat("p50")), api.metricLatency(stat("p99")))));
    List<IWidget> perFunction = new ArrayList<>();
    for (McpLambda f : functions) {
      perFunction.add(
          graph(
              f.spec().id() + ": invocations, errors, throttles",
              List.of(
                  f.function().metricInvocations(sum()),
                  f.function().metricErrors(sum()),
                  f.function().metricThrottles(sum()))));
      perFunction.add(
          graph(
              f.spec().id() + ": duration (ms)",
              List.of(
                  f.function().metricDuration(stat("p50")),
                  f.function().metricDuration(stat("p99")))));
    }
    if (functions.stream().anyMatch(f -> f.spec() == PlatformFunction.HEALTH_CHECKER)) {
      perFunction.add(
          graph(
              "Health checks",
              List.of(
                  custom(PlatformFunction.HEALTH_CHECKER, SERVERS_CHECKED, "Sum"),
                  custom(PlatformFunction.HEALTH_CHECKER, SERVERS_UNHEALTHY, "Sum"))));
    }
    dashboard.addWidgets(perFunction.toArray(IWidget[]::new));
  }

  /**
   * @return the alarms, in creation order
   */
  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  /**
   * @return the dashboard
   */
  public Dashboard dashboard() {
    return dashboard;
  }

  private static Metric custom(PlatformFunction f, String name, String statistic) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of("Service", f.id()))
        .statistic(statistic)
        .period(PERIOD)
        .label(name + " " + statistic)
        .build();
  }

  private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
    return GraphWidget.Builder.create()
        .title(title)
        .left(List.copyOf(metrics))
        .width(6)
        .height(6)
        .build();
  }

  private static MetricOptions sum() {
    return stat("Sum");
  }

  private static MetricOptions stat(String statistic) {
    return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
  }

  private static CreateAlarmOptions atLeastOnce(String description) {
    return CreateAlarmOptions.builder()
        .alarmDescription(description)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }
}
