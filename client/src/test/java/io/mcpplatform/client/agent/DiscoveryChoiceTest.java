package io.mcpplatform.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.registry.CatalogServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which search hits discovery connects to: the relevance floor, the share of the best score,
 * health.
 */
class DiscoveryChoiceTest {

  private static CatalogServer hit(String name, Double score) {
    return hit(name, score, null);
  }

  private static CatalogServer hit(String name, Double score, String health) {
    return new CatalogServer(
        name,
        null,
        null,
        null,
        List.of(
            new CatalogServer.CatalogRemote(
                "streamable-http", "https://example.com/" + name + "/mcp", List.of())),
        null,
        null,
        null,
        health == null ? null : new CatalogServer.CatalogHealth(health, null, null),
        null,
        score,
        null);
  }

  private static List<String> chosen(List<CatalogServer> hits, double minScore) {
    Discovery.Options d = Discovery.Options.DEFAULT;
    return Discovery.choose(
            hits,
            new Discovery.Options(
                d.searchLimit(),
                d.maxServers(),
                d.relativeScore(),
                minScore,
                d.maxTools(),
                d.maxResultChars()))
        .stream()
        .map(CatalogServer::name)
        .toList();
  }

  @Test
  void choose_dropsALowScoredHit_soAnIrrelevantServerIsNeverOffered() {
    // a weak hit on a stop word's prefix (whatsapp-mcp for "What is the price of bitcoin?") stays
    // out
    assertThat(chosen(List.of(hit("whatsapp-mcp", 0.14), hit("slack", 0.09)), 0.35)).isEmpty();
    assertThat(chosen(List.of(hit("whatsapp-mcp", 0.14)), 0.1)).containsExactly("whatsapp-mcp");
  }

  @Test
  void choose_keepsHitsAboveTheFloor_withinTheShareOfTheBest_upToTheBound() {
    List<CatalogServer> hits =
        List.of(
            hit("maps", 0.82),
            hit("geo", 0.61),
            hit("places", 0.40),
            hit("atlas", 0.36),
            hit("weather", 0.30));

    assertThat(chosen(hits, 0.35)).containsExactly("maps", "geo", "places");
    assertThat(chosen(hits, 0.5)).containsExactly("maps", "geo");
  }

  @Test
  void choose_appliesNoFloor_toARegistryWithoutNormalizedScores() {
    assertThat(chosen(List.of(hit("maps", null), hit("geo", null)), 0.35))
        .containsExactly("maps", "geo");
    // an older ranking's raw scores: only the share of the best applies
    assertThat(chosen(List.of(hit("maps", 3.2), hit("geo", 0.3), hit("odd", 1.5)), 0.35))
        .containsExactly("maps");
  }

  @Test
  void choose_skipsUnhealthyServers_butKeepsUncheckedOnes() {
    assertThat(
            chosen(
                List.of(
                    hit("broken", 0.9, "unhealthy"),
                    hit("maps", 0.8, "unknown"),
                    hit("geo", 0.7, "healthy")),
                0.35))
        .containsExactly("maps", "geo");
  }

  @Test
  void options_refuseAFloorOutsideZeroToOne() {
    Discovery.Options d = Discovery.Options.DEFAULT;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Discovery.Options(
                    d.searchLimit(),
                    d.maxServers(),
                    d.relativeScore(),
                    1.5,
                    d.maxTools(),
                    d.maxResultChars()))
        .hasMessageContaining("minScore");
  }
}
