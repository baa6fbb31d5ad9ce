package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SphereKdTreeTest {

  @Test
  void nearestAndWithin_agreeWithBruteForce_onRandomPoints() {
    Random random = new Random(42);
    int n = 2_000;
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
      lon[i] = 360 * random.nextDouble() - 180;
    }
    int[] order = SphereKdTree.layout(lat, lon);
    double[] tLat = new double[n];
    double[] tLon = new double[n];
    for (int i = 0; i < n; i++) {
      tLat[i] = lat[order[i]];
      tLon[i] = lon[order[i]];
    }
    SphereKdTree tree = new SphereKdTree(tLat, tLon);
    for (int q = 0; q < 500; q++) {
      double qLat = 180 * random.nextDouble() - 90;
      double qLon = 360 * random.nextDouble() - 180;
      int expected = -1;
      double best = Double.MAX_VALUE;
      List<Integer> near = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double d = SphereKdTree.distanceKm(qLat, qLon, tLat[i], tLon[i]);
        if (d < best) {
          best = d;
          expected = i;
        }
        if (d <= 800) {
          near.add(i);
        }
      }
      assertThat(tree.nearest(qLat, qLon)).isEqualTo(expected);
      List<Integer> found = new ArrayList<>();
      double[] worstError = {0};
      tree.within(
          qLat,
          qLon,
          800,
          (i, km) -> {
            found.add(i);
            worstError[0] =
                Math.max(
                    worstError[0],
                    Math.abs(km - SphereKdTree.distanceKm(qLat, qLon, tLat[i], tLon[i])));
          });
      assertThat(worstError[0]).isLessThan(1e-6);
      assertThat(found).containsExactlyInAnyOrderElementsOf(near);
    }
  }

  @Test
  void distanceKm_parisToLondon_isAbout344Km() {
    assertThat(SphereKdTree.distanceKm(48.8566, 2.3522, 51.5074, -0.1278))
        .isCloseTo(343.6, within(1.0));
    assertThat(SphereKdTree.distanceKm(0, 179.9, 0, -179.9)).isCloseTo(22.2, within(0.1));
  }
}
