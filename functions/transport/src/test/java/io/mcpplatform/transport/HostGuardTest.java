package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostGuardTest {

  @Test
  void loopback_allowsTheThreeLoopbackAuthoritiesAndTheirHttpOrigins() {
    HostGuard guard = HostGuard.loopback(3000);

    assertThat(guard.allowedHosts())
        .containsExactlyInAnyOrder("127.0.0.1:3000", "localhost:3000", "[::1]:3000");
    assertThat(guard.allowedOrigins())
        .containsExactlyInAnyOrder(
            "http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000");
  }

  @Test
  void loopback_addsExtraOriginsCaseInsensitively() {
    HostGuard guard = HostGuard.loopback(3000, java.util.List.of("http://LOCALHOST:6274"));

    assertThat(guard.allowedOrigins()).contains("http://localhost:6274");
  }
}
