package io.mcpplatform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import org.junit.jupiter.api.Test;

/** The health checker's SnapStart hooks, called directly (a JVM without CRaC cannot checkpoint). */
class ProbePrimingTest {

  @Test
  void beforeCheckpoint_probesAnInProcessMcpServer_withInitializeAndToolsList() throws Exception {
    ProbePriming priming = new ProbePriming();

    ProbeResult result = priming.prime();

    assertThat(result.outcome()).isEqualTo(ProbeOutcome.UP);
    assertThat(result.serverName()).isEqualTo("snapstart-priming");
    assertThat(result.discovered()).extracting(c -> c.name()).containsExactly("ping");
    priming.beforeCheckpoint(null);
  }
}
