package io.mcpplatform.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolNamesTest {

  @Test
  void exposed_joinsServerAndToolWithDoubleUnderscore() {
    assertThat(ToolNames.exposed("maps", "get_location", Set.of())).isEqualTo("maps__get_location");
  }

  @Test
  void exposed_mapsNamespacedNamesToAllowedCharacters() {
    String name = ToolNames.exposed("com.example/maps", "geo.lookup:v2", Set.of());

    assertThat(name).isEqualTo("com_example_maps__geo_lookup_v2").matches(ToolNames.ALLOWED);
  }

  @Test
  void exposed_shortensWithAHash_whenLongerThan64() {
    String server = "io.github.someone/a-very-long-server-name-that-goes-on-and-on";
    String a = ToolNames.exposed(server, "tool_number_one_with_a_long_name", Set.of());
    String b = ToolNames.exposed(server, "tool_number_one_with_a_long_name_too", Set.of());

    assertThat(a).matches(ToolNames.ALLOWED).hasSize(64);
    assertThat(b).matches(ToolNames.ALLOWED).isNotEqualTo(a);
  }

  @Test
  void exposed_addsSuffix_whenNameIsTaken() {
    String name = ToolNames.exposed("a.b", "c", Set.of("a_b__c"));

    assertThat(name).isEqualTo("a_b__c_2");
  }
}
