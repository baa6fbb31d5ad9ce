package io.mcpplatform.registry;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * One MCP tool of the registry, in a class of its own: implement it and add one line to {@link
 * RegistryTools#specifications()}. The schemas are JSON files under {@code registry-schemas/} in
 * this module's resources; arguments are checked against the input schema before {@link #call}
 * runs, and the structured result against the output schema after it. A domain exception thrown by
 * {@code call} becomes a tool error ({@code isError: true}) in one place, {@link RegistryFailures};
 * writes go through {@link io.mcpplatform.core.registry.RegistryOperations}, which authorizes and
 * audits them.
 */
public interface RegistryTool {

  /**
   * @return the name clients call the tool by, e.g. {@code get_server}
   */
  String name();

  /**
   * @return what the tool does, written for the model that chooses among tools
   */
  String description();

  /**
   * @return the input schema's file name under {@code registry-schemas/}
   */
  String inputSchema();

  /**
   * @return the output schema's file name under {@code registry-schemas/}
   */
  String outputSchema();

  /**
   * @return true when the tool changes nothing (the MCP {@code readOnlyHint})
   */
  boolean readOnly();

  /**
   * Runs the tool once.
   *
   * @param context the caller's transport context (its bearer token, address, progress sink)
   * @param arguments the arguments, already checked against the input schema
   * @return the result: text for the model and structured content matching the output schema
   */
  CallToolResult call(McpTransportContext context, Map<String, Object> arguments);
}
