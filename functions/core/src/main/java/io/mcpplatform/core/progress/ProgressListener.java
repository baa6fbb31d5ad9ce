package io.mcpplatform.core.progress;

/**
 * Hears how far a long operation has come (a health probe, a call to an outside service), so that a
 * caller who asked can be told as it happens. Implementations never throw: a listener that cannot
 * pass a report on drops it, and the operation goes on.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Hears nothing. */
  ProgressListener NONE = (progress, total, message) -> {};

  /**
   * @param progress how far along, increasing with every report
   * @param total the value {@code progress} reaches when done, or null when unknown
   * @param message what is happening, for a person
   */
  void progress(double progress, Double total, String message);
}
