package io.mcpplatform.client.cli;

import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmReply;
import io.mcpplatform.client.llm.LlmRequest;
import io.mcpplatform.client.llm.Prices;
import java.util.function.Supplier;

/**
 * A model backend built on its first request. The model SDKs are large (the Anthropic one brings
 * Kotlin, OkHttp and Jackson 2): a question that ends before any model call (nothing matched, the
 * registry is down) never loads them, and discovery does not share the processor with their
 * loading. The settings were checked before (a missing key fails at once), and the model name and
 * prices are known without the SDK.
 */
final class LazyBackend implements LlmBackend {

  private final String model;
  private final Prices prices;
  private final Supplier<LlmBackend> factory;
  private LlmBackend backend;

  LazyBackend(String model, Prices prices, Supplier<LlmBackend> factory) {
    this.model = model;
    this.prices = prices;
    this.factory = factory;
  }

  private synchronized LlmBackend get() {
    if (backend == null) {
      backend = factory.get();
    }
    return backend;
  }

  @Override
  public LlmReply complete(LlmRequest request) {
    return get().complete(request);
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public Prices prices() {
    return prices;
  }

  @Override
  public synchronized void close() {
    if (backend != null) {
      backend.close();
    }
  }
}
