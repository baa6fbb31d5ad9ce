package io.mcpplatform.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.access.AuditTrail;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.registry.rest.RestHarness;
import io.mcpplatform.registry.rest.RestHarness.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security review finding 2: anonymous callers cannot grow the audit log without bound, reads of it
 * are bounded, and the local registry starts whatever the size of its audit file.
 */
class AuditFloodSecurityTest {

  /**
   * Bytes one anonymous minute may add to the audit file: its stored refusals and one summary
   * record.
   */
  static final long BOUND_PER_MINUTE = (AuditTrail.ANONYMOUS_PER_WINDOW + 1) * 4096L;

  @TempDir Path dir;

  /** Half of the MCP body limit (1 MiB), so two fields fit one call. */
  private static String halfMegabyte(char c) {
    return String.valueOf(c).repeat(450_000);
  }

  /** Just under the REST body limit, which refuses bigger bodies before anything is audited. */
  private static String restSized(char c) {
    return String.valueOf(c).repeat(30_000);
  }

  @Test
  void finding2_anonymousLargeWrites_leaveTheAuditStoreUnderItsBound() throws IOException {
    try (RestHarness h = new RestHarness(dir, 0, 1, remote -> ProbeResult.down("test", 1L))) {
      for (int i = 0; i < 20; i++) {
        ObjectNode serverJson = RestHarness.serverJson("com.example/a", "1.0.0");
        serverJson.put("name", "com.example/" + restSized('n'));
        serverJson.put("version", restSized('v'));
        assertThat(h.publish(null, serverJson).status).isEqualTo(401);
        ObjectNode args = RestHarness.JSON.createObjectNode();
        args.put("server_id", halfMegabyte('s'));
        args.put("version", halfMegabyte('v'));
        args.put("name", "x");
        args.put("url", "https://a.example.com/mcp");
        assertThat(h.tool(null, "register_server", args).get("isError").asBoolean()).isTrue();
      }
      h.clock.advance(Duration.ofMinutes(2));
      h.publish(null, RestHarness.serverJson("com.example/after", "1.0.0"));

      long size = Files.size(dir.resolve("audit.jsonl"));
      assertThat(size).isLessThan(2 * BOUND_PER_MINUTE);
      Response log =
          h.call(
              "GET",
              "/v0.1/audit?since=2026-11-26T00:00:00Z&limit=1000",
              h.token("*"),
              null,
              java.util.Map.of());
      assertThat(log.status).isEqualTo(200);
      JsonNode records = log.body.get("records");
      assertThat(records.size()).isEqualTo(AuditTrail.ANONYMOUS_PER_WINDOW + 2);
      assertThat(records.toString()).contains("30 more anonymous refusals");
      records.forEach(r -> assertThat(r.toString().length()).isLessThan(2048));
    }
  }

  @Test
  void finding2_restartWithALargeAuditFile_succeedsInASmallHeap() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    String record =
        "{\"record\":{\"id\":\"%d\",\"at\":\"2026-11-26T10:00:00Z\",\"actor\":\"anonymous\",\"action\":"
            + "\"publish\",\"target\":\"%s\",\"outcome\":\"unauthorized\"},\"expiresAt\":\"2999-01-01T00:00:00Z\"}\n";
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] huge = String.format(record, 0, "t".repeat(96 << 20)).getBytes(StandardCharsets.UTF_8);
      out.write(huge);
      for (int i = 1; i <= 40; i++) {
        out.write(String.format(record, i, "t".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8));
      }
      out.write(String.format(record, 41, "com.example/small").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.size(file)).isGreaterThan(130L << 20);

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                OpenAuditedStore.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("records=1 target=com.example/small");
  }
}
