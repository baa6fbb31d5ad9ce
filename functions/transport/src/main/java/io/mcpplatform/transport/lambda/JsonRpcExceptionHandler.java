package io.mcpplatform.transport.lambda;

import com.amazonaws.serverless.proxy.ExceptionHandler;
import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.Headers;
import io.mcpplatform.transport.JsonRpcErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the container's default exception handler (which prints stack traces to stderr) with one
 * that logs through SLF4J under a reference and answers a JSON-RPC error object.
 */
final class JsonRpcExceptionHandler implements ExceptionHandler<AwsProxyResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcExceptionHandler.class);

  @Override
  public AwsProxyResponse handle(Throwable ex) {
    String ref = JsonRpcErrors.newReference();
    LOG.error("Request failed in the Lambda container (ref {})", ref, ex);
    return jsonResponse(
        500,
        JsonRpcErrors.errorBytes(
            null, JsonRpcErrors.INTERNAL_ERROR, "Internal error (ref " + ref + ")"));
  }

  @Override
  public void handle(Throwable ex, OutputStream stream) throws IOException {
    LambdaContainerHandler.getObjectMapper().writeValue(stream, handle(ex));
  }

  static AwsProxyResponse jsonResponse(int status, byte[] json) {
    Headers headers = new Headers();
    headers.putSingle("Content-Type", "application/json");
    return new AwsProxyResponse(status, headers, new String(json, StandardCharsets.UTF_8));
  }
}
