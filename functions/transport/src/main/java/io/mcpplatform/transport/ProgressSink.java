package io.mcpplatform.transport;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Where a tool reports progress on the call it is answering. When the caller asked for progress
 * ({@code params._meta.progressToken}) and its transport can carry notifications, each report
 * becomes a {@code notifications/progress} message on the caller's stream; otherwise reports are
 * dropped. A report never fails the tool: a caller that went away loses its notifications, not the
 * call's effect.
 */
@FunctionalInterface
public interface ProgressSink {

  /** Key under which the sink sits in a tool's {@link McpTransportContext}. */
  String CONTEXT_KEY = "io.mcpplatform.transport.progress";

  /** Drops every report. */
  ProgressSink NONE = (progress, total, message) -> {};

  /**
   * Reports progress.
   *
   * @param progress how far along, increasing with every report
   * @param total the value {@code progress} reaches when done, or null when unknown
   * @param message what is happening, for a person; null for none
   */
  void report(double progress, Double total, String message);

  /**
   * @param context the context a tool handler was given
   * @return the call's sink, or {@link #NONE} when the caller asked for no progress
   */
  static ProgressSink of(McpTransportContext context) {
    Object sink = context == null ? null : context.get(CONTEXT_KEY);
    return sink instanceof ProgressSink progressSink ? progressSink : NONE;
  }
}
