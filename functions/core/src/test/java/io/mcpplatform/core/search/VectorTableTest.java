package io.mcpplatform.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryTexts;
import io.mcpplatform.core.embedding.EntryVectors;
import io.mcpplatform.core.embedding.TextVector;
import io.mcpplatform.core.embedding.VectorCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorTableTest {

  private static final String MODEL = "test-model";
  private static final int DIMS = 384;

  private static float[] random(Random r) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static ServerEntry withVectors(String name, List<float[]> texts) {
    List<TextVector> t = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      t.add(
          new TextVector(
              i == 0 ? EntryTexts.ENTRY : EntryTexts.TOOL + "t" + i,
              "h",
              VectorCodec.encode(texts.get(i))));
    }
    return Entries.entry(name).build().withVectors(new EntryVectors(MODEL, t));
  }

  private static SearchFilter noFilter() {
    return SearchFilter.of(new SearchQuery("x", List.of(), null, null, true, 0, 10));
  }

  @Test
  void exactOrderWhenEveryRowIsKept() {
    assertEquals(1.0, recall(Integer.MAX_VALUE), 1e-9);
  }

  @Test
  void plantedNeighboursComeFirstWithTheBitEstimate() {
    Random r = new Random(5);
    VectorTable table = new VectorTable(DIMS, VectorTable.OVERSAMPLING);
    for (int e = 0; e < 5_000; e++) {
      table.put(withVectors("e" + e, List.of(random(r), random(r))), MODEL);
    }
    float[] target = random(r);
    float[] near = target.clone();
    for (int i = 0; i < DIMS; i++) {
      near[i] += (float) (0.3 * r.nextGaussian());
    }
    table.put(withVectors("planted", List.of(random(r), near)), MODEL);
    List<String> got = new ArrayList<>();
    table.nearest(
        VectorCodec.unitBytes(target),
        noFilter(),
        5,
        (slot, source, cosine) -> got.add(slot.entry.name() + " " + source + " " + cosine));
    assertTrue(got.get(0).startsWith("planted tool:t1 0.9"), got.toString());
  }

  @Test
  void removedEntriesAreNotFoundAndCompactionKeepsTheRest() {
    Random r = new Random(7);
    VectorTable table = new VectorTable(DIMS, VectorTable.OVERSAMPLING);
    float[] keep = random(r);
    table.put(withVectors("keep", List.of(keep)), MODEL);
    for (int e = 0; e < 3_000; e++) {
      table.put(withVectors("e" + e, List.of(random(r))), MODEL);
    }
    for (int e = 0; e < 3_000; e++) {
      table.remove("e" + e);
    }
    assertEquals(1, table.size());
    List<String> got = new ArrayList<>();
    table.nearest(
        VectorCodec.unitBytes(keep),
        noFilter(),
        5,
        (slot, source, c) -> got.add(slot.entry.name()));
    assertEquals(List.of("keep"), got);
  }

  private static double recall(int oversampling) {
    Random r = new Random(3);
    VectorTable table = new VectorTable(DIMS, oversampling);
    List<byte[]> all = new ArrayList<>();
    List<String> owner = new ArrayList<>();
    for (int e = 0; e < 1_000; e++) {
      List<float[]> texts = List.of(random(r), random(r), random(r), random(r));
      table.put(withVectors("e" + e, texts), MODEL);
      for (float[] v : texts) {
        all.add(VectorCodec.unitBytes(VectorCodec.decode(VectorCodec.encode(v))));
        owner.add("e" + e);
      }
    }
    double recall = 0;
    int queries = 10;
    for (int q = 0; q < queries; q++) {
      byte[] query = VectorCodec.unitBytes(random(r));
      // the exact 50 nearest by int8 dot product
      Integer[] order = new Integer[all.size()];
      long[] dots = new long[all.size()];
      for (int i = 0; i < all.size(); i++) {
        order[i] = i;
        for (int d = 0; d < DIMS; d++) {
          dots[i] += query[d] * all.get(i)[d];
        }
      }
      java.util.Arrays.sort(order, (a, b) -> Long.compare(dots[b], dots[a]));
      Set<String> exact = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        exact.add(owner.get(order[i]) + "/" + (order[i] % 4));
      }
      int[] found = {0};
      table.nearest(
          query,
          noFilter(),
          50,
          (slot, source, cosine) -> {
            int index = source.equals(EntryTexts.ENTRY) ? 0 : Integer.parseInt(source.substring(6));
            if (exact.contains(slot.entry.name() + "/" + index)) {
              found[0]++;
            }
          });
      recall += found[0] / 50.0;
    }
    return recall / queries;
  }

  private static double len(byte[] v) {
    long s = 0;
    for (byte b : v) {
      s += b * b;
    }
    return Math.sqrt(s);
  }
}
