package io.mcpplatform.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

  @Test
  void prepare_thenTheMessagesOfASessionRoundTrip() throws Exception {
    SessionJson.INSTANCE.prepare(List.of());
    McpSchema.CallToolRequest call = McpSchema.CallToolRequest.builder("get_location")
        .arguments(Map.of("location", "Paris")).build();

    String written = SessionJson.INSTANCE.writeValueAsString(
        new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_CALL, 7, call));
    Map<String, Object> raw = SessionJson.INSTANCE.readValue(written, new TypeRef<Map<String, Object>>() { });
    McpSchema.CallToolRequest read = SessionJson.INSTANCE.convertValue(raw.get("params"),
        McpSchema.CallToolRequest.class);

    assertThat(raw).containsEntry("method", "tools/call").containsEntry("id", 7);
    assertThat(read.name()).isEqualTo("get_location");
    assertThat(read.arguments()).containsEntry("location", "Paris");
  }
}
