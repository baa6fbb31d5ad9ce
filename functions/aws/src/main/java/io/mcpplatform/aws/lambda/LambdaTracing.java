package io.mcpplatform.aws.lambda;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * X-Ray tracing of the functions' AWS SDK calls (DynamoDB, Secrets Manager): inside Lambda, every
 * client built with {@link #sdkClientOverrides()} records each call as a subsegment of the
 * invocation's trace (through X-Ray's {@link TracingInterceptor}); anywhere else (the local system,
 * tests, the CDK) the clients carry no interceptor at all.
 *
 * <p>One recorder serves the process, shared with {@link LambdaObservability}. Its context-missing
 * strategy never throws and logs only at DEBUG: a call made with no trace context (in the init
 * phase, during SnapStart priming, on a thread of one's own outside Lambda) goes on untraced,
 * quietly. The strategy is set on the built recorder, because the builder gives way to {@code
 * AWS_XRAY_CONTEXT_MISSING}, which Lambda sets to {@code LOG_ERROR} (an ERROR line per call) and
 * which could name {@code RUNTIME_ERROR}. A failure inside the interceptor itself is caught too:
 * tracing never breaks a call.
 */
public final class LambdaTracing {

  /**
   * Environment variable the Lambda runtime sets (to the function's code directory): its presence
   * means Lambda.
   */
  public static final String TASK_ROOT_VARIABLE = "LAMBDA_TASK_ROOT";

  private static final Logger LOG = LoggerFactory.getLogger(LambdaTracing.class);
  private static final ClientOverrideConfiguration UNTRACED =
      ClientOverrideConfiguration.builder().build();
  private static final ContextMissingStrategy QUIET =
      (message, exceptionClass) -> LOG.debug("no X-Ray trace context, not traced: {}", message);

  private LambdaTracing() {}

  /**
   * @param environment the process's environment variables
   * @return whether they say the code runs inside the Lambda runtime
   */
  public static boolean inLambda(Map<String, String> environment) {
    return environment.get(TASK_ROOT_VARIABLE) != null;
  }

  /**
   * @return the process's recorder, built on first use (so only where something traces)
   */
  public static AWSXRayRecorder recorder() {
    return Holder.RECORDER;
  }

  /** Builds the shared recorder on first access, once. */
  private static final class Holder {
    static final AWSXRayRecorder RECORDER = build(AWSXRayRecorderBuilder.standard());
  }

  /**
   * @param builder a configured recorder builder
   * @return the recorder it builds, with the quiet context-missing strategy whatever the
   *     environment says
   */
  static AWSXRayRecorder build(AWSXRayRecorderBuilder builder) {
    AWSXRayRecorder recorder = builder.build();
    recorder.setContextMissingStrategy(QUIET);
    return recorder;
  }

  /**
   * @return what every AWS SDK client of the functions is built with: X-Ray's tracing interceptor
   *     on the process's recorder when this process runs in Lambda, nothing otherwise
   */
  public static ClientOverrideConfiguration sdkClientOverrides() {
    return sdkClientOverrides(System.getenv(), LambdaTracing::recorder);
  }

  /**
   * @param environment the environment variables that decide whether to trace
   * @param recorder where the subsegments go; asked only when tracing
   * @return the tracing interceptor's configuration in Lambda, an empty one otherwise
   */
  public static ClientOverrideConfiguration sdkClientOverrides(
      Map<String, String> environment, Supplier<AWSXRayRecorder> recorder) {
    if (!inLambda(environment)) {
      return UNTRACED;
    }
    TracingInterceptor tracing =
        new TracingInterceptor(Objects.requireNonNull(recorder.get(), "recorder"), null, null);
    return ClientOverrideConfiguration.builder()
        .addExecutionInterceptor(new NeverFailing(tracing))
        .build();
  }

  /**
   * An interceptor around another whose failures are logged at DEBUG and dropped: the call goes on
   * as if the inner interceptor were absent.
   *
   * @param delegate the interceptor that does the work
   */
  record NeverFailing(ExecutionInterceptor delegate) implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      try {
        delegate.beforeExecution(context, attributes);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(
        Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      try {
        return delegate.modifyHttpRequest(context, attributes);
      } catch (RuntimeException e) {
        failed(e);
        return context.httpRequest();
      }
    }

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      try {
        delegate.beforeTransmission(context, attributes);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      try {
        delegate.afterExecution(context, attributes);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      try {
        delegate.onExecutionFailure(context, attributes);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    private static void failed(RuntimeException e) {
      LOG.debug("X-Ray tracing of an AWS call failed; the call goes on untraced", e);
    }
  }
}
