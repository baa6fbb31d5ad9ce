package io.mcpplatform.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.mcpplatform.transport.lambda.LambdaRoutesHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The registry's Lambda entry point, for API Gateway REST proxy events and HTTP API v2 events. The
 * no-argument constructor wires everything from the environment once, in Lambda's init phase.
 */
public final class RegistryHandler implements RequestStreamHandler {

  private final LambdaRoutesHandler delegate;

  /** Wires the registry from the environment ({@link RegistryConfig}). */
  public RegistryHandler() {
    this(RegistryApp.fromEnvironment());
  }

  /** @param app a wired registry, for tests and the local system */
  public RegistryHandler(RegistryApp app) {
    this.delegate = new LambdaRoutesHandler(app.routes());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    delegate.handleRequest(input, output, context);
  }
}
