package io.mcpplatform.bench;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryTexts;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.embedding.TextVector;
import io.mcpplatform.core.embedding.VectorCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gives generated entries stored vectors the way a registration does (one for the entry's text, one
 * per tool), but random unit vectors instead of the model's: embedding 100,000 generated entries
 * with the model would take most of an hour on two cores, and the cost of a search does not depend
 * on what the stored vectors mean (random vectors are the hard case for the sign-bit shortlist: no
 * clusters).
 */
final class SyntheticVectors {

  private SyntheticVectors() {}

  static List<ServerEntry> attach(
      List<ServerEntry> entries, String model, int dimensions, long seed) {
    Random random = new Random(seed);
    List<ServerEntry> out = new ArrayList<>(entries.size());
    for (ServerEntry e : entries) {
      List<TextVector> texts = new ArrayList<>();
      texts.add(vector(random, EntryTexts.ENTRY, dimensions));
      for (Capability c : e.capabilities()) {
        if (Capability.TOOL.equals(c.type())) {
          texts.add(vector(random, EntryTexts.TOOL + c.name(), dimensions));
        }
      }
      out.add(e.withVectors(new EntryVectors(model, texts)));
    }
    return out;
  }

  private static TextVector vector(Random random, String source, int dimensions) {
    float[] v = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return new TextVector(source, "synthetic", VectorCodec.encode(v));
  }
}
