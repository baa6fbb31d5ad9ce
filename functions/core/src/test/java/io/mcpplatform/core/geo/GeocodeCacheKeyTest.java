package io.mcpplatform.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeocodeCacheKeyTest {

  @Test
  void forward_sameKey_whenQueriesDifferOnlyInCaseSpacesAndCompatibilityForms() {
    GeocodeCacheKey a = GeocodeCacheKey.forward("  Paris,   TEXAS ", "en");
    GeocodeCacheKey b = GeocodeCacheKey.forward("paris,\ttexas", "EN");
    GeocodeCacheKey fullWidth = GeocodeCacheKey.forward("Ｐａｒｉｓ, Texas", "en");
    assertThat(a).isEqualTo(b).isEqualTo(fullWidth);
  }

  @Test
  void forward_differentKeys_forDifferentLanguagesOrAccents() {
    assertThat(GeocodeCacheKey.forward("Paris", "en"))
        .isNotEqualTo(GeocodeCacheKey.forward("Paris", "fr"));
    assertThat(GeocodeCacheKey.forward("Zürich", "en"))
        .isNotEqualTo(GeocodeCacheKey.forward("Zurich", "en"));
  }

  @Test
  void reverse_roundsToSixDecimals() {
    assertThat(GeocodeCacheKey.reverse(48.85837001, 2.2944813, "en").value())
        .isEqualTo("rev|en|48.858370,2.294481");
    assertThat(GeocodeCacheKey.reverse(1, 2, "en"))
        .isNotEqualTo(GeocodeCacheKey.forward("1,2", "en"));
  }
}
