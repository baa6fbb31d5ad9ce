package io.mcpplatform.client.cli;

import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmReply;
import io.mcpplatform.client.llm.LlmRequest;
import io.mcpplatform.client.llm.Prices;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A model backend built on another thread while discovery runs: the Anthropic SDK takes a while to load,
 * and a question needs the registry and the servers first anyway.
 */
final class PendingBackend implements LlmBackend {

  private final CompletableFuture<LlmBackend> backend;

  PendingBackend(Supplier<LlmBackend> factory) {
    this.backend = CompletableFuture.supplyAsync(factory);
  }

  private LlmBackend get() {
    try {
      return backend.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public LlmReply complete(LlmRequest request) {
    return get().complete(request);
  }

  @Override
  public String model() {
    return get().model();
  }

  @Override
  public Prices prices() {
    return get().prices();
  }

  @Override
  public void close() {
    get().close();
  }
}
