package io.mcpplatform.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What a Lambda handler wraps each invocation in, through Powertools' functional API (no AspectJ):
 * structured JSON logs carrying the request id, cold start, function name and service; the
 * function's metrics in CloudWatch embedded metric format (namespace {@value #NAMESPACE}, dimension
 * {@code Service}), flushed once at the end of an invocation that recorded any; and an X-Ray
 * subsegment per invocation when the function runs in Lambda with active tracing.
 *
 * <p>The local system uses {@link #none()}: its handlers log plain text and emit no metrics or
 * traces, so nothing reports a missing X-Ray context there.
 */
public final class LambdaObservability implements FunctionMetrics {

  /** Namespace of the platform's custom metrics (the CDK dashboard reads the same). */
  public static final String NAMESPACE = "McpPlatform";

  /** Name of the dimension every custom metric carries; its value is the function's name. */
  public static final String SERVICE_DIMENSION = "Service";

  private static final LambdaObservability NONE = new LambdaObservability(null, null, null);

  private final String service;
  private final Metrics metrics;
  private final AWSXRayRecorder tracer;
  private final AtomicBoolean recorded = new AtomicBoolean();

  private LambdaObservability(String service, Metrics metrics, AWSXRayRecorder tracer) {
    this.service = service;
    this.metrics = metrics;
    this.tracer = tracer;
  }

  /**
   * @return plain invocations: no log context, no metrics, no tracing (the local system)
   */
  public static LambdaObservability none() {
    return NONE;
  }

  /**
   * For a function running in Lambda: JSON logs and EMF metrics always, X-Ray tracing when the
   * Lambda task root is set (that is, inside the Lambda runtime, where the invocation's segment
   * exists), on the recorder its AWS SDK calls are traced with ({@link LambdaTracing#recorder()}).
   *
   * @param service the function's name: {@code registry}, {@code maps} or {@code health-checker}
   * @return the function's observability
   */
  public static LambdaObservability forFunction(String service) {
    return withTracer(
        service, LambdaTracing.inLambda(System.getenv()) ? LambdaTracing.recorder() : null);
  }

  /**
   * @param service the function's name
   * @param tracer where subsegments go, or null for no tracing
   * @return JSON logs and EMF metrics for the function, traced by the given recorder
   */
  public static LambdaObservability withTracer(String service, AWSXRayRecorder tracer) {
    // EMF lines go to standard output as in Lambda; never probe for an EC2 or ECS metadata endpoint
    EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.setNamespace(NAMESPACE);
    metrics.setDefaultDimensions(DimensionSet.of(SERVICE_DIMENSION, service));
    return new LambdaObservability(service, metrics, tracer);
  }

  /** A piece of handler code that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Invocation<T> {
    /**
     * @return the handler's answer
     * @throws IOException if the response cannot be written
     */
    T run() throws IOException;
  }

  /**
   * Runs one invocation with the request's log context, inside a subsegment named after the
   * function when tracing, and flushes the metrics it recorded.
   *
   * @param context the Lambda context (request id, function name)
   * @param body the handler's work
   * @param <T> the answer's type
   * @return what the body answered
   * @throws IOException if the body failed to write its response
   */
  public <T> T invoke(Context context, Invocation<T> body) throws IOException {
    if (metrics == null) {
      return body.run();
    }
    PowertoolsLogging.initializeLogging(context);
    // the function's own name, also where POWERTOOLS_SERVICE_NAME is not set (tests, sam local)
    MDC.put("service", service);
    try {
      return tracer == null ? body.run() : traced(body);
    } finally {
      if (recorded.getAndSet(false)) {
        metrics.flush();
      }
      PowertoolsLogging.clearState(true);
    }
  }

  private <T> T traced(Invocation<T> body) throws IOException {
    try {
      return tracer.createSubsegment(
          "## " + service,
          (Subsegment segment) -> {
            segment.putAnnotation("Service", service);
            segment.putAnnotation("ColdStart", "true".equals(MDC.get("cold_start")));
            try {
              return body.run();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void add(String name, double value, MetricUnit unit) {
    if (metrics != null) {
      metrics.addMetric(name, value, unit);
      recorded.set(true);
    }
  }
}
