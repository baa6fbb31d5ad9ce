package io.mcpplatform.transport;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tool that reports progress in steps and counts the calls it finished, for the streaming tests.
 */
final class ProgressTools {

  /** Calls that ran to their end, whether or not the caller was still there. */
  static final AtomicInteger FINISHED = new AtomicInteger();

  /** When set, the tool waits for it after its first report. */
  static volatile CountDownLatch gate;

  private ProgressTools() {}

  static SyncToolSpecification steps() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "steps",
                McpJsonDefaults.getMapper(),
                "{\"type\":\"object\",\"properties\":{\"count\":{\"type\":\"integer\"}}}")
            .description("Reports count steps of progress, then answers")
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) -> {
          ProgressSink progress = ProgressSink.of(context);
          Object raw = request.arguments() == null ? null : request.arguments().get("count");
          int count = raw instanceof Number n ? n.intValue() : 3;
          for (int i = 1; i <= count; i++) {
            progress.report(i, (double) count, "step " + i);
            CountDownLatch waitFor = gate;
            if (i == 1 && waitFor != null) {
              try {
                waitFor.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
          FINISHED.incrementAndGet();
          return CallToolResult.builder()
              .addTextContent("done after " + count + " steps")
              .structuredContent(Map.of("steps", count))
              .build();
        });
  }
}
