package io.mcpplatform.maps;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.aws.lambda.LambdaObservability;
import io.mcpplatform.transport.lambda.LambdaRoutesHandler;
import io.mcpplatform.transport.lambda.McpPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The maps server's Lambda entry point, for API Gateway REST proxy events and HTTP API v2 events.
 * The no-argument constructor wires everything from the environment once, in Lambda's init phase
 * (clients built, offline gazetteer loaded), with JSON logs and tracing ({@link
 * LambdaObservability}), and registers the SnapStart priming.
 */
public final class MapsHandler implements RequestStreamHandler {

  /**
   * The function's name: the {@code service} of its logs and the {@code Service} of its metrics.
   */
  public static final String SERVICE = "maps";

  private final LambdaRoutesHandler delegate;
  private final LambdaObservability observability;
  private final McpPriming priming;

  /** Wires the maps server from the environment ({@link MapsConfig}). */
  public MapsHandler() {
    this(MapsApp.fromEnvironment(), LambdaObservability.forFunction(SERVICE));
    priming.register();
  }

  /**
   * Builds the container, then waits for the offline gazetteer, which loaded meanwhile.
   *
   * @param app a wired maps server, for tests and the local system: plain logs, no metrics, no
   *     tracing
   */
  public MapsHandler(MapsApp app) {
    this(app, LambdaObservability.none());
  }

  /**
   * @param app a wired maps server
   * @param observability what each invocation runs in
   */
  public MapsHandler(MapsApp app, LambdaObservability observability) {
    this.delegate = new LambdaRoutesHandler(app.routes());
    this.observability = observability;
    this.priming = new McpPriming(delegate, MapsApp.MCP_PATH, app::afterRestore);
    app.awaitReady();
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
