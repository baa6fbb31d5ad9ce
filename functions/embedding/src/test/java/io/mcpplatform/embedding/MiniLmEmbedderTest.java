package io.mcpplatform.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.core.embedding.VectorCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

  private static MiniLmEmbedder model;

  @BeforeAll
  static void load() {
    model = MiniLmEmbedder.load();
  }

  private static float cosine(String a, String b) {
    return VectorCodec.cosine(model.embed(a), VectorCodec.quantize(model.embed(b)));
  }

  @Test
  void embed_givesUnitVectorsOfTheModelsDimensions() {
    float[] v = model.embed("Find the coordinates of a place");
    assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void embed_placesCloseMeaningsClose_withoutSharedWords() {
    float related =
        cosine("Where is Paris?", "geocoding: turn an address or place name into coordinates");
    float unrelated = cosine("Where is Paris?", "Send a message to a Slack channel");
    assertThat(related).isGreaterThan(unrelated + 0.1f);
  }

  @Test
  void backgroundModel_answersItsIdAtOnce_andEmbedsOnceLoaded() {
    BackgroundEmbedder background = BackgroundEmbedder.miniLm();
    assertThat(background.modelId()).isEqualTo(MiniLmEmbedder.MODEL_ID);
    assertThat(background.embed("weather")).containsExactly(model.embed("weather"));
  }
}
