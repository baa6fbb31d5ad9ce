package io.mcpplatform.embedding;

import io.mcpplatform.core.embedding.EmbeddingUnavailableException;
import io.mcpplatform.core.embedding.TextEmbedder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A model that loads on a background thread (at once, or on the first embedding): {@link
 * #modelId()} and {@link #dimensions()} answer at once, {@link #embed} waits until the model is
 * there. Lets a process serve everything that needs no embedding (initialize, tools/list, gets,
 * listings) while the model loads.
 */
public final class BackgroundEmbedder implements TextEmbedder {

  private final String modelId;
  private final int dimensions;
  private final CompletableFuture<TextEmbedder> model;
  private final Supplier<TextEmbedder> loader;
  private boolean started;

  private BackgroundEmbedder(
      String modelId, int dimensions, Supplier<TextEmbedder> loader, boolean startNow) {
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.model = new CompletableFuture<>();
    this.loader = loader;
    if (startNow) {
      start();
    }
  }

  private synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread thread =
        new Thread(
            () -> {
              try {
                model.complete(loader.get());
              } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
              }
            },
            "embedding-model-loader");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * @return the MiniLM model, loading from now on
   */
  public static BackgroundEmbedder miniLm() {
    return new BackgroundEmbedder(
        MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSIONS, MiniLmEmbedder::load, true);
  }

  /**
   * @return the MiniLM model, loading when first asked to embed: for a short run (one invocation)
   *     that may need no embedding at all
   */
  public static BackgroundEmbedder miniLmOnDemand() {
    return new BackgroundEmbedder(
        MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSIONS, MiniLmEmbedder::load, false);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public float[] embed(String text) {
    return loaded().embed(text);
  }

  /**
   * @return the model, once loaded
   * @throws EmbeddingUnavailableException when loading failed
   */
  public TextEmbedder loaded() {
    start();
    try {
      return model.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingUnavailableException("Interrupted while the embedding model loads", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EmbeddingUnavailableException u
          ? u
          : new EmbeddingUnavailableException(
              "Cannot load the embedding model " + modelId, e.getCause());
    }
  }
}
