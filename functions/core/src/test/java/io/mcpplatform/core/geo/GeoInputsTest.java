package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpplatform.core.catalog.FieldError;
import io.mcpplatform.core.catalog.ValidationException;
import org.junit.jupiter.api.Test;

class GeoInputsTest {

  @Test
  void location_trimmed_whenValid() {
    assertThat(GeoInputs.location("  Eiffel Tower, Paris ")).isEqualTo("Eiffel Tower, Paris");
  }

  @Test
  void location_rejectedNamingTheField_whenBlankOrMissing() {
    assertThatThrownBy(() -> GeoInputs.location("   "))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("location"));
    assertThatThrownBy(() -> GeoInputs.location(null))
        .hasMessageStartingWith("location: is required");
  }

  @Test
  void location_rejected_whenLongerThan500Characters() {
    assertThat(GeoInputs.location("a".repeat(500))).hasSize(500);
    assertThatThrownBy(() -> GeoInputs.location("a".repeat(501)))
        .hasMessageContaining("at most 500");
  }

  @Test
  void location_rejected_whenItHoldsControlCharacters() {
    assertThatThrownBy(() -> GeoInputs.location("Paris\u0000"))
        .hasMessageContaining("control characters");
  }

  @Test
  void language_defaultsToEnglish_whenMissingOrBlank() {
    assertThat(GeoInputs.language(null)).isEqualTo("en");
    assertThat(GeoInputs.language(" ")).isEqualTo("en");
  }

  @Test
  void language_acceptsBcp47Tags_andRejectsOthers() {
    assertThat(GeoInputs.language("pt-BR")).isEqualTo("pt-BR");
    assertThat(GeoInputs.language("zh-Hant-TW")).isEqualTo("zh-Hant-TW");
    assertThatThrownBy(() -> GeoInputs.language("en; drop table"))
        .hasMessageStartingWith("language:");
    assertThatThrownBy(() -> GeoInputs.language("e")).hasMessageStartingWith("language:");
    assertThatThrownBy(() -> GeoInputs.language("en-" + "abcdefgh-".repeat(4)))
        .hasMessageStartingWith("language:");
  }

  @Test
  void point_acceptsTheBounds() {
    GeoInputs.point(-90.0, 180.0);
    GeoInputs.point(90.0, -180.0);
  }

  @Test
  void point_reportsBothFields_whenBothAreOutOfRange() {
    assertThatThrownBy(() -> GeoInputs.point(90.5, -181.0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("latitude", "longitude"));
  }

  @Test
  void point_rejectsMissingAndNotANumber() {
    assertThatThrownBy(() -> GeoInputs.point(null, 2.0))
        .hasMessageStartingWith("latitude: is required");
    assertThatThrownBy(() -> GeoInputs.point(1.0, Double.NaN)).hasMessageStartingWith("longitude:");
  }
}
