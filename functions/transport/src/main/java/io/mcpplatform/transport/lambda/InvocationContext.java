package io.mcpplatform.transport.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda context of an invocation made outside the Lambda runtime: {@code ./run-local invoke},
 * the benchmarks and the tests. It carries a request id, the function's name and a deadline counted
 * from its creation; the runtime's logger writes through SLF4J.
 */
public final class InvocationContext implements Context {

  /** The functions' configured memory, as the stack sets it. */
  private static final int MEMORY_MB = 1024;

  private static final Logger LOG = LoggerFactory.getLogger("lambda");
  private static final LambdaLogger LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          LOG.info(message);
        }

        @Override
        public void log(byte[] message) {
          LOG.info(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String requestId;
  private final String function;
  private final long deadlineMillis;

  /**
   * @param requestId the invocation's request id
   * @param function the function's name
   * @param budgetMillis the time the invocation has from now
   */
  public InvocationContext(String requestId, String function, int budgetMillis) {
    this.requestId = requestId;
    this.function = function;
    this.deadlineMillis = System.currentTimeMillis() + budgetMillis;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return function;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return null;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return MEMORY_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    return LOGGER;
  }
}
