package io.mcpplatform.core.embedding;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the vectors of an entry's texts ({@link EntryTexts}), embedding only the texts whose
 * stored vector is missing, stale (the text changed) or of another model.
 */
public final class EntryEmbedder {

  private final TextEmbedder embedder;

  /**
   * @param embedder the model
   */
  public EntryEmbedder(TextEmbedder embedder) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
  }

  /**
   * @return the model
   */
  public TextEmbedder embedder() {
    return embedder;
  }

  /**
   * @param entry an entry, with or without vectors
   * @param previous vectors stored before (of this entry or its previous revision), nullable
   * @return the vectors of every text of the entry
   */
  public EntryVectors vectors(ServerEntry entry, EntryVectors previous) {
    EntryVectors reusable =
        previous != null && previous.model().equals(embedder.modelId()) ? previous : null;
    List<TextVector> out = new ArrayList<>();
    for (Map.Entry<String, String> text : EntryTexts.of(entry).entrySet()) {
      String hash = EntryTexts.hash(text.getValue());
      TextVector old = reusable == null ? null : reusable.find(text.getKey());
      if (old != null && old.hash().equals(hash)) {
        out.add(old);
      } else {
        out.add(
            new TextVector(
                text.getKey(), hash, VectorCodec.encode(embedder.embed(text.getValue()))));
      }
    }
    return new EntryVectors(embedder.modelId(), out);
  }

  /**
   * @param entry an entry
   * @return true when its stored vectors are missing, of another model, or do not match its texts
   */
  public boolean isStale(ServerEntry entry) {
    EntryVectors v = entry.vectors();
    if (v == null || !v.model().equals(embedder.modelId())) {
      return true;
    }
    Map<String, String> texts = EntryTexts.of(entry);
    if (texts.size() != v.texts().size()) {
      return true;
    }
    for (Map.Entry<String, String> text : texts.entrySet()) {
      TextVector stored = v.find(text.getKey());
      if (stored == null || !stored.hash().equals(EntryTexts.hash(text.getValue()))) {
        return true;
      }
    }
    return false;
  }
}
