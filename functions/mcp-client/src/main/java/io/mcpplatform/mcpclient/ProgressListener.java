package io.mcpplatform.mcpclient;

/**
 * Receives the {@code notifications/progress} a server sends for one request. Giving a listener
 * makes the request carry a {@code progressToken} in {@code params._meta}. Called on the thread
 * waiting for the answer.
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * @param progress how far the work is (grows with each call)
   * @param total the total when the server knows it, else null
   * @param message the server's words for the step, nullable
   */
  void onProgress(double progress, Double total, String message);
}
