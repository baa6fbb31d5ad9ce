package io.mcpplatform.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> identifier(String s) {
    List<String> out = new ArrayList<>();
    Tokenizer.identifier(s, out::add);
    return out;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Tokenizer.words(s, out::add);
    return out;
  }

  @Test
  void identifier_keepsWholeNameAndSplitsSeparatorsAndCamelCase() {
    assertThat(identifier("get_location")).containsExactly("get_location", "get", "location");
    assertThat(identifier("com.example/weatherApi"))
        .containsExactly("com.example/weatherapi", "com", "example", "weatherapi", "weather", "api");
    assertThat(identifier("HTTPServer")).containsExactly("httpserver", "http", "server");
    assertThat(identifier("plain")).containsExactly("plain");
  }

  @Test
  void words_foldAccentsAndCase_andDropStopWords() {
    assertThat(words("The Café in Zürich, ÅNGSTRÖM ﬁle")).containsExactly("cafe", "zurich", "angstrom", "file");
    assertThat(words(null)).isEmpty();
  }

  @Test
  void query_separatesWordsFromCompounds() {
    Tokenizer.QueryTerms terms = Tokenizer.query("get_location for Weather weather");
    assertThat(terms.words()).containsExactly("get", "location", "weather");
    assertThat(terms.compounds()).containsExactly("get_location");
  }
}
