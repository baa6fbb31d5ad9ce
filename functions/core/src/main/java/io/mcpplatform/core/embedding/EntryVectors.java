package io.mcpplatform.core.embedding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The stored embeddings of an entry's texts, with the id of the model that computed them.
 *
 * @param model the model's id ({@link TextEmbedder#modelId()})
 * @param texts one vector per text of the entry (its own text, each tool's)
 */
public record EntryVectors(
    @JsonProperty("model") String model, @JsonProperty("texts") List<TextVector> texts) {

  public EntryVectors {
    Objects.requireNonNull(model, "model");
    texts = texts == null ? List.of() : List.copyOf(texts);
  }

  /**
   * @param source a text's source
   * @return its vector, or null when this entry has none for it
   */
  public TextVector find(String source) {
    for (TextVector t : texts) {
      if (t.source().equals(source)) {
        return t;
      }
    }
    return null;
  }
}
