package io.mcpplatform.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps tool specifications so that a handler that throws answers a {@link CallToolResult} with
 * {@code isError: true} and a clear message instead of a protocol error: the model calling the tool
 * sees what went wrong and can correct itself. Unknown exceptions become "Internal error (ref X)"
 * and are logged with the same reference.
 *
 * <p>An {@link McpError} passes through untouched: a tool throws one on purpose to answer with a
 * JSON-RPC error (the servlet still screens its message).
 */
public final class SafeTools {

  private static final Logger LOG = LoggerFactory.getLogger(SafeTools.class);

  private SafeTools() {}

  /**
   * @param spec the tool to protect
   * @param mapper turns known exceptions into client-safe text
   * @return a specification with the same tool and a guarded handler
   */
  public static SyncToolSpecification guard(SyncToolSpecification spec, ToolFailureMapper mapper) {
    if (spec == null || mapper == null) {
      throw new IllegalArgumentException("spec and mapper are required");
    }
    if (spec.callHandler() instanceof GuardedHandler) {
      return spec;
    }
    String toolName = spec.tool().name();
    return new SyncToolSpecification(
        spec.tool(), new GuardedHandler(toolName, spec.callHandler(), mapper));
  }

  /**
   * @param specs the tools to protect
   * @param mapper turns known exceptions into client-safe text
   * @return the guarded specifications, in the same order
   */
  public static List<SyncToolSpecification> guardAll(
      List<SyncToolSpecification> specs, ToolFailureMapper mapper) {
    List<SyncToolSpecification> out = new ArrayList<>(specs.size());
    for (SyncToolSpecification spec : specs) {
      out.add(guard(spec, mapper));
    }
    return List.copyOf(out);
  }

  /**
   * The result a client sees for a failed tool call.
   *
   * @param message client-safe text
   * @return a result with {@code isError: true} and the message as its only text content
   */
  public static CallToolResult errorResult(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private record GuardedHandler(
      String toolName,
      BiFunction<McpTransportContext, CallToolRequest, CallToolResult> delegate,
      ToolFailureMapper mapper)
      implements BiFunction<McpTransportContext, CallToolRequest, CallToolResult> {

    @Override
    public CallToolResult apply(McpTransportContext context, CallToolRequest request) {
      try {
        CallToolResult result = delegate.apply(context, request);
        if (result == null) {
          return failure(new IllegalStateException("tool returned no result"));
        }
        return result;
      } catch (McpError protocolError) {
        throw protocolError;
      } catch (Exception e) {
        return failure(e);
      }
    }

    private CallToolResult failure(Exception e) {
      String message = describeSafely(e);
      if (message != null) {
        LOG.debug("Tool {} failed: {}", toolName, message);
        return errorResult(message);
      }
      String ref = JsonRpcErrors.newReference();
      LOG.error("Tool {} failed (ref {})", toolName, ref, e);
      return errorResult("Internal error (ref " + ref + ")");
    }

    private String describeSafely(Exception e) {
      try {
        String message = mapper.describe(e);
        return message == null || message.isBlank() ? null : message;
      } catch (RuntimeException mapperFailure) {
        LOG.warn("Tool failure mapper threw for tool {}", toolName, mapperFailure);
        return null;
      }
    }
  }
}
