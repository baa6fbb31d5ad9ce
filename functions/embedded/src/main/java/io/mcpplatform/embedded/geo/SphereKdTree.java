package io.mcpplatform.embedded.geo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A k-d tree over points on the unit sphere, stored implicitly: the points are kept in an order
 * where the middle of every range is the node that splits it, on axis x, y, z by depth. The
 * straight-line (chord) distance between unit vectors grows with the great-circle distance, so the
 * nearest point in 3-D is the nearest on the globe, with no trouble at the poles or the
 * antimeridian.
 */
final class SphereKdTree {

  /** Mean Earth radius in kilometres. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private final double[] xs;
  private final double[] ys;
  private final double[] zs;

  /**
   * @param latitudes degrees, in tree order (see {@link #layout})
   * @param longitudes degrees, in tree order
   */
  SphereKdTree(double[] latitudes, double[] longitudes) {
    int n = latitudes.length;
    xs = new double[n];
    ys = new double[n];
    zs = new double[n];
    for (int i = 0; i < n; i++) {
      place(i, latitudes[i], longitudes[i]);
    }
  }

  private SphereKdTree(int n) {
    xs = new double[n];
    ys = new double[n];
    zs = new double[n];
  }

  /**
   * @param latE5 latitudes in 1e-5 degrees, in tree order
   * @param lonE5 longitudes in 1e-5 degrees, in tree order
   * @return the tree over those points
   */
  static SphereKdTree fromE5(int[] latE5, int[] lonE5) {
    SphereKdTree tree = new SphereKdTree(latE5.length);
    for (int i = 0; i < latE5.length; i++) {
      tree.place(i, latE5[i] / 1e5, lonE5[i] / 1e5);
    }
    return tree;
  }

  private void place(int i, double latitude, double longitude) {
    double lat = Math.toRadians(latitude);
    double lon = Math.toRadians(longitude);
    double cosLat = Math.cos(lat);
    xs[i] = cosLat * Math.cos(lon);
    ys[i] = cosLat * Math.sin(lon);
    zs[i] = Math.sin(lat);
  }

  /**
   * Orders points for the implicit tree.
   *
   * @param latitudes degrees
   * @param longitudes degrees
   * @return {@code order} where {@code order[i]} is the index of the point to store at tree
   *     position i
   */
  static int[] layout(double[] latitudes, double[] longitudes) {
    SphereKdTree raw = new SphereKdTree(latitudes, longitudes);
    Integer[] order = IntStream.range(0, latitudes.length).boxed().toArray(Integer[]::new);
    raw.arrange(order, 0, order.length, 0);
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private void arrange(Integer[] order, int lo, int hi, int depth) {
    if (hi - lo <= 1) {
      return;
    }
    double[] axis = axis(depth);
    Arrays.sort(
        order, lo, hi, Comparator.comparingDouble((Integer i) -> axis[i]).thenComparingInt(i -> i));
    int mid = (lo + hi) >>> 1;
    arrange(order, lo, mid, depth + 1);
    arrange(order, mid + 1, hi, depth + 1);
  }

  private double[] axis(int depth) {
    return switch (depth % 3) {
      case 0 -> xs;
      case 1 -> ys;
      default -> zs;
    };
  }

  /**
   * @return how many points the tree holds
   */
  int size() {
    return xs.length;
  }

  /**
   * @param latitude degrees
   * @param longitude degrees
   * @return the tree position of the nearest point, or -1 when the tree is empty
   */
  int nearest(double latitude, double longitude) {
    double[] q = unit(latitude, longitude);
    double[] best = {Double.MAX_VALUE, -1};
    nearest(q, 0, xs.length, 0, best);
    return (int) best[1];
  }

  private void nearest(double[] q, int lo, int hi, int depth, double[] best) {
    if (lo >= hi) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    double d = squaredChord(q, mid);
    if (d < best[0]) {
      best[0] = d;
      best[1] = mid;
    }
    double diff = q[depth % 3] - axis(depth)[mid];
    boolean leftFirst = diff < 0;
    nearest(q, leftFirst ? lo : mid + 1, leftFirst ? mid : hi, depth + 1, best);
    if (diff * diff < best[0]) {
      nearest(q, leftFirst ? mid + 1 : lo, leftFirst ? hi : mid, depth + 1, best);
    }
  }

  /** Receives a point found by {@link #within}. */
  interface Hit {
    /**
     * @param position the point's tree position
     * @param distanceKm its great-circle distance from the asked point
     */
    void accept(int position, double distanceKm);
  }

  /**
   * Calls {@code sink} with the tree position and distance of every point within a great-circle
   * distance.
   *
   * @param latitude degrees
   * @param longitude degrees
   * @param radiusKm the distance in kilometres
   * @param sink receives tree positions and distances
   */
  void within(double latitude, double longitude, double radiusKm, Hit sink) {
    double[] q = unit(latitude, longitude);
    double angle = Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM);
    double chord = 2 * Math.sin(angle / 2);
    within(q, 0, xs.length, 0, chord * chord, sink);
  }

  private void within(double[] q, int lo, int hi, int depth, double limit, Hit sink) {
    if (lo >= hi) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    double d = squaredChord(q, mid);
    if (d <= limit) {
      sink.accept(mid, 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(d) / 2)));
    }
    double diff = q[depth % 3] - axis(depth)[mid];
    if (diff < 0 || diff * diff <= limit) {
      within(q, lo, mid, depth + 1, limit, sink);
    }
    if (diff >= 0 || diff * diff <= limit) {
      within(q, mid + 1, hi, depth + 1, limit, sink);
    }
  }

  private double squaredChord(double[] q, int i) {
    double dx = q[0] - xs[i];
    double dy = q[1] - ys[i];
    double dz = q[2] - zs[i];
    return dx * dx + dy * dy + dz * dz;
  }

  private static double[] unit(double latitude, double longitude) {
    double lat = Math.toRadians(latitude);
    double lon = Math.toRadians(longitude);
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  /**
   * @return the great-circle (haversine) distance between two points in kilometres
   */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
