package io.mcpplatform.maps;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.transport.lambda.LambdaRoutesHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The maps server's Lambda entry point, for API Gateway REST proxy events and HTTP API v2 events. The
 * no-argument constructor wires everything from the environment once, in Lambda's init phase (clients
 * built, offline gazetteer loaded).
 */
public final class MapsHandler implements RequestStreamHandler {

  private final LambdaRoutesHandler delegate;

  /** Wires the maps server from the environment ({@link MapsConfig}). */
  public MapsHandler() {
    this(MapsApp.fromEnvironment());
  }

  /**
   * Builds the container, then waits for the offline gazetteer, which loaded meanwhile.
   *
   * @param app a wired maps server, for tests and the local system
   */
  public MapsHandler(MapsApp app) {
    this.delegate = new LambdaRoutesHandler(app.routes());
    app.awaitReady();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    delegate.handleRequest(input, output, context);
  }
}
