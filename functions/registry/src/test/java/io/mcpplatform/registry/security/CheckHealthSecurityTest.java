package io.mcpplatform.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.registry.rest.RestHarness;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security review finding 10: {@code check_health} records its probe only for the owner of the name
 * or an admin, tells anonymous callers nothing about the addresses a host resolves to, and is
 * limited per caller.
 */
class CheckHealthSecurityTest {

  @TempDir Path dir;
  private RestHarness h;
  private final AtomicInteger probes = new AtomicInteger();

  @BeforeEach
  void start() {
    h =
        new RestHarness(
            dir,
            0,
            1,
            remote -> {
              probes.incrementAndGet();
              return ProbeResult.refused("the host resolves to a private address (10.0.0.1)");
            });
    ObjectNode args = RestHarness.JSON.createObjectNode();
    args.put("server_id", "com.example/inside");
    args.put("name", "Inside");
    args.put("url", "https://inside.example.com/mcp");
    assertThat(
            h.tool(h.token("com.example/*"), "register_server", args)
                .path("isError")
                .asBoolean(false))
        .isFalse();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private JsonNode check(String token) {
    return h.tool(
        token,
        "check_health",
        RestHarness.JSON.createObjectNode().put("server_id", "com.example/inside"));
  }

  private HealthStatus stored() {
    return h.app.service().get("com.example/inside").orElseThrow().health().status();
  }

  @Test
  void finding10_anonymousCheck_recordsNothing_andHidesTheResolvedAddress() {
    JsonNode anonymous = check(null);
    JsonNode stranger = check(h.token("com.other/*"));

    for (JsonNode result : new JsonNode[] {anonymous, stranger}) {
      assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
      assertThat(result.toString()).doesNotContain("10.0.0.1").doesNotContain("private address");
      assertThat(result.at("/structuredContent/recorded").asBoolean(true)).isFalse();
      assertThat(result.at("/structuredContent/outcome").asString()).isEqualTo("refused");
    }
    assertThat(stored()).isEqualTo(HealthStatus.UNKNOWN);
  }

  @Test
  void finding10_ownerOrAdminCheck_isRecorded_withItsDetail() {
    JsonNode owner = check(h.token("com.example/*"));

    assertThat(owner.at("/structuredContent/recorded").isMissingNode()).isTrue();
    assertThat(owner.at("/content/0/text").asString()).contains("private address (10.0.0.1)");
    assertThat(stored()).isEqualTo(HealthStatus.REFUSED);
    assertThat(check(h.token("*")).path("isError").asBoolean(false)).isFalse();
  }

  @Test
  void finding10_probesAreLimitedPerCaller() {
    int allowed = 0;
    JsonNode last = null;
    for (int i = 0; i < 8; i++) {
      last = check(null);
      if (!last.path("isError").asBoolean(false)) {
        allowed++;
      }
    }

    assertThat(allowed).isEqualTo(5);
    assertThat(probes.get()).isEqualTo(5);
    assertThat(last.at("/content/0/text").asString()).startsWith("Rate limit exceeded");
    assertThat(check(h.token("com.example/*")).path("isError").asBoolean(false)).isFalse();
  }
}
