package io.mcpplatform.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapsConfigTest {

  @Test
  void fromEnvironment_meansOfflineOnly_whenTheSecretNameIsBlankOrAbsent() {
    assertThat(MapsConfig.fromEnvironment(Map.of()).googleConfigured()).isFalse();
    assertThat(
            MapsConfig.fromEnvironment(Map.of("GOOGLE_MAPS_SECRET_NAME", "  ")).googleConfigured())
        .isFalse();
  }

  @Test
  void fromEnvironment_readsEveryVariable() {
    MapsConfig config =
        MapsConfig.fromEnvironment(
            Map.of(
                "GOOGLE_MAPS_SECRET_NAME", "mcp/google-maps-api-key",
                "TABLE_NAME", "mcp-registry",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
                "AWS_REGION", "eu-west-1",
                "GOOGLE_MAPS_KEY_CACHE_SECONDS", "60",
                "GEOCODE_CACHE_TTL_DAYS", "7"));

    assertThat(config)
        .isEqualTo(
            new MapsConfig(
                "mcp/google-maps-api-key",
                "mcp-registry",
                URI.create("http://127.0.0.1:8000"),
                "eu-west-1",
                Duration.ofSeconds(60),
                Duration.ofDays(7),
                MapsConfig.DEFAULT_DAILY_CAP,
                MapsConfig.DEFAULT_RATE_PER_SECOND,
                MapsConfig.DEFAULT_BURST));
  }

  @Test
  void fromEnvironment_defaultsToFiveMinuteKeysAndThirtyDayCache() {
    MapsConfig config = MapsConfig.fromEnvironment(Map.of("GOOGLE_MAPS_SECRET_NAME", "k"));

    assertThat(config.secretLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.cacheTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(config.tableName()).isNull();
  }

  @Test
  void fromEnvironment_namesTheVariable_whenTheCacheWouldOutliveGooglesTerms() {
    assertThatThrownBy(() -> MapsConfig.fromEnvironment(Map.of("GEOCODE_CACHE_TTL_DAYS", "31")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GEOCODE_CACHE_TTL_DAYS must be a whole number from 1 to 30, got '31'");
  }
}
