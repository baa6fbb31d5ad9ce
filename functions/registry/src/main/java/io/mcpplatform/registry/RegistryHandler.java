package io.mcpplatform.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.transport.lambda.LambdaRoutesHandler;
import io.mcpplatform.transport.lambda.McpPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The registry's Lambda entry point, for API Gateway REST proxy events and HTTP API v2 events. The
 * no-argument constructor wires everything from the environment once, in Lambda's init phase, with
 * JSON logs, EMF metrics and tracing ({@link LambdaObservability}), and registers the SnapStart
 * priming.
 */
public final class RegistryHandler implements RequestStreamHandler {

  /**
   * The function's name: the {@code service} of its logs and the {@code Service} of its metrics.
   */
  public static final String SERVICE = "registry";

  private final LambdaRoutesHandler delegate;
  private final LambdaObservability observability;
  private final McpPriming priming;

  /** Wires the registry from the environment ({@link RegistryConfig}). */
  public RegistryHandler() {
    this(LambdaObservability.forFunction(SERVICE));
    priming.register();
  }

  private RegistryHandler(LambdaObservability observability) {
    this(RegistryApp.fromEnvironment(observability), observability);
  }

  /**
   * @param app a wired registry, for tests and the local system: plain logs, no metrics, no tracing
   */
  public RegistryHandler(RegistryApp app) {
    this(app, LambdaObservability.none());
  }

  /**
   * @param app a wired registry
   * @param observability what each invocation runs in (the app records its metrics there too)
   */
  public RegistryHandler(RegistryApp app, LambdaObservability observability) {
    this.delegate = new LambdaRoutesHandler(app.routes());
    this.observability = observability;
    // a search runs the embedding model and the index once before the snapshot
    this.priming =
        new McpPriming(
            delegate,
            RegistryApp.MCP_PATH,
            () -> app.signingKeys().refresh(),
            Map.of(
                "name",
                "search_servers",
                "arguments",
                Map.of("query", "find the weather forecast for a city")));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    observability.invoke(
        context,
        () -> {
          delegate.handleRequest(input, output, context);
          return null;
        });
  }

  /**
   * @return the SnapStart priming hooks (registered by the no-argument constructor)
   */
  public McpPriming priming() {
    return priming;
  }
}
