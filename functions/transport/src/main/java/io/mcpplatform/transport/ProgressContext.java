package io.mcpplatform.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tool's transport context with the call's {@link ProgressSink} added under {@link
 * ProgressSink#CONTEXT_KEY}; every other key answers as the function's own extractor made it.
 */
record ProgressContext(McpTransportContext inner, ProgressSink sink)
    implements McpTransportContext {

  /** Request attribute carrying the call's sink from the servlet to the extractor. */
  static final String ATTRIBUTE = "io.mcpplatform.transport.progressSink";

  @Override
  public Object get(String key) {
    return ProgressSink.CONTEXT_KEY.equals(key) ? sink : inner.get(key);
  }

  /**
   * @param extractor the function's extractor, or null for none
   * @return an extractor that adds the call's sink when the request carries one
   */
  static McpTransportContextExtractor<HttpServletRequest> wrap(
      McpTransportContextExtractor<HttpServletRequest> extractor) {
    return request -> {
      McpTransportContext inner =
          extractor == null ? McpTransportContext.EMPTY : extractor.extract(request);
      Object sink = request.getAttribute(ATTRIBUTE);
      return sink instanceof ProgressSink progress ? new ProgressContext(inner, progress) : inner;
    };
  }
}
