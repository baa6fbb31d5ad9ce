package io.mcpplatform.core.embedding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The embedding of one text of an entry.
 *
 * @param source which text: {@link EntryTexts#ENTRY} for the entry's own text, {@code tool:NAME}
 *     for a tool's
 * @param hash fingerprint of the embedded text, so an unchanged text is not embedded again
 * @param vector the vector, encoded by {@link VectorCodec}
 */
public record TextVector(
    @JsonProperty("source") String source,
    @JsonProperty("hash") String hash,
    @JsonProperty("vector") String vector) {

  public TextVector {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(vector, "vector");
  }
}
