package io.mcpplatform.registry;

import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.transport.StructuredJson;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** {@code get_server}: one catalog entry by its id, as the seed's tool answers it. */
final class GetServerTool implements RegistryTool {

  private final RegistryService service;
  private final ObjectMapper json;

  GetServerTool(RegistryService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
  }

  @Override
  public String name() {
    return "get_server";
  }

  @Override
  public String description() {
    return "Get detailed information about a specific server";
  }

  @Override
  public String inputSchema() {
    return "get_server.input.json";
  }

  @Override
  public String outputSchema() {
    return "entry.json";
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public CallToolResult call(McpTransportContext context, Map<String, Object> arguments) {
    String id = RegistryTools.serverId(arguments);
    return service
        .get(id)
        .map(
            entry -> {
              StructuredJson body = StructuredJson.of(json, json.valueToTree(entry));
              return CallToolResult.builder()
                  .addTextContent(body.text())
                  .structuredContent(body)
                  .build();
            })
        .orElseGet(
            () ->
                CallToolResult.builder()
                    .addTextContent("Server with ID '" + id + "' not found")
                    .isError(true)
                    .build());
  }
}
