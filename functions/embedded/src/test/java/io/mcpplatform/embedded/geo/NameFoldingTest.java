package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFoldingTest {

  @Test
  void fold_dropsAccentsCaseAndPunctuation() {
    assertThat(NameFolding.fold("Zürich")).isEqualTo("zurich");
    assertThat(NameFolding.fold("  Saint-Étienne ")).isEqualTo("saint etienne");
    assertThat(NameFolding.fold("Washington, D.C.")).isEqualTo("washington dc");
    assertThat(NameFolding.fold("Xi'an")).isEqualTo("xian");
    assertThat(NameFolding.fold("Łódź")).isEqualTo("lodz");
    assertThat(NameFolding.fold("Straße")).isEqualTo("strasse");
    assertThat(NameFolding.fold("Ｔｏｋｙｏ")).isEqualTo("tokyo");
  }

  @Test
  void fold_keepsNonLatinLetters() {
    assertThat(NameFolding.fold("東京")).isEqualTo("東京");
    assertThat(NameFolding.fold("Москва")).isEqualTo("москва");
  }

  @Test
  void fold_isEmpty_forPunctuationOnly() {
    assertThat(NameFolding.fold(" ,.- ")).isEmpty();
  }
}
