package io.mcpplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signing key and rate limit settings read from the environment. */
class RegistryConfigSecurityTest {

  @Test
  void fromEnvironment_readsSigningSecretAndRateLimit() {
    RegistryConfig config =
        RegistryConfig.fromEnvironment(
            Map.of(
                "TABLE_NAME",
                "t",
                "REGISTRY_SIGNING_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:key",
                "RATE_LIMIT_PER_SECOND",
                "2.5",
                "RATE_LIMIT_BURST",
                "7"));

    assertThat(config.signingSecretArn()).endsWith(":secret:key");
    assertThat(config.rateLimitPerSecond()).isEqualTo(2.5);
    assertThat(config.rateLimitBurst()).isEqualTo(7);
  }

  @Test
  void fromEnvironment_limitsByDefault_andLocalDoesNot() {
    RegistryConfig aws = RegistryConfig.fromEnvironment(Map.of("TABLE_NAME", "t"));

    assertThat(aws.signingSecretArn()).isNull();
    assertThat(aws.rateLimitPerSecond()).isEqualTo(RegistryConfig.DEFAULT_RATE_PER_SECOND);
    assertThat(aws.rateLimitBurst()).isEqualTo(RegistryConfig.DEFAULT_BURST);
    assertThat(RegistryConfig.local(Path.of("x")).rateLimitPerSecond()).isZero();
  }

  @Test
  void fromEnvironment_namesTheVariable_whenRateLimitIsMalformed() {
    assertThatThrownBy(
            () -> RegistryConfig.fromEnvironment(Map.of("RATE_LIMIT_PER_SECOND", "fast")))
        .hasMessageContaining("RATE_LIMIT_PER_SECOND");
    assertThatThrownBy(() -> RegistryConfig.fromEnvironment(Map.of("RATE_LIMIT_BURST", "0")))
        .hasMessageContaining("RATE_LIMIT_BURST");
  }
}
