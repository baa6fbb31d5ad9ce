package io.mcpplatform.transport;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/**
 * Tools the transport tests call: one that works, one that fails with a known and one with an
 * unknown error.
 */
final class TestTools {

  static final String ECHO_INPUT =
      """
            {"type":"object","properties":{"text":{"type":"string","description":"what to echo"}},
             "required":["text"],"additionalProperties":false}""";
  static final String ECHO_OUTPUT =
      """
            {"type":"object","properties":{"echoed":{"type":"string"},"length":{"type":"integer"}},
             "required":["echoed","length"]}""";

  private TestTools() {}

  /** A domain exception a function would map to a clear message. */
  static final class FieldRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    FieldRejectedException(String field, String why) {
      super(why);
      this.field = field;
    }
  }

  static final ToolFailureMapper MAPPER =
      failure ->
          failure instanceof FieldRejectedException
              ? "Invalid argument '"
                  + ((FieldRejectedException) failure).field
                  + "': "
                  + failure.getMessage()
              : null;

  static List<SyncToolSpecification> all() {
    return List.of(echo(), rejecting(), crashing());
  }

  static SyncToolSpecification echo() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder("echo", McpJsonDefaults.getMapper(), ECHO_INPUT)
            .description("Echoes its text")
            .outputSchema(McpJsonDefaults.getMapper(), ECHO_OUTPUT)
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) -> {
          String text = String.valueOf(request.arguments().get("text"));
          return CallToolResult.builder()
              .addTextContent("echo: " + text)
              .structuredContent(Map.of("echoed", text, "length", text.length()))
              .build();
        });
  }

  static SyncToolSpecification rejecting() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "reject", McpJsonDefaults.getMapper(), "{\"type\":\"object\",\"properties\":{}}")
            .description("Always rejects its argument")
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) -> {
          throw new FieldRejectedException("url", "must use https");
        });
  }

  static SyncToolSpecification crashing() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "crash", McpJsonDefaults.getMapper(), "{\"type\":\"object\",\"properties\":{}}")
            .description("Always fails unexpectedly")
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) -> {
          throw new IllegalStateException(
              "java.lang.IllegalStateException: secret at io.mcpplatform.Internal");
        });
  }

  static StatelessMcpServlet servlet() {
    return StatelessMcpServlet.builder("test-server", "1.2.3")
        .instructions("Use echo to test.")
        .tools(all())
        .toolFailureMapper(MAPPER)
        .maxRequestBytes(64 * 1024)
        .build();
  }
}
