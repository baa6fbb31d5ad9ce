package io.mcpplatform.embedded.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The world's places with at least 1,000 inhabitants (GeoNames), searchable by name and by
 * position. Immutable once loaded; safe to share between threads.
 */
final class Gazetteer {

  /**
   * A forward match. {@code skippedParts} counts leading comma-separated parts that matched
   * nothing.
   */
  record Match(int place, int kind, int skippedParts) {}

  /** A reverse match with its great-circle distance from the asked point. */
  record Nearby(int place, double distanceKm) {}

  private static final Pattern PARTS = Pattern.compile("[,;]");
  private static final Set<String> GENERIC =
      Set.of(
          "province",
          "region",
          "state",
          "oblast",
          "prefecture",
          "county",
          "governorate",
          "district",
          "department",
          "of",
          "autonomous",
          "republic");
  private static final double[] KIND_BONUS = {0.0, 1.0, 0.4};
  private static final double[] RANK_BONUS = {0.0, 0.1, 0.3, 0.6};
  private static final int PREFIX_LIMIT = 5_000;
  private static final int MIN_PREFIX = 3;

  private final GazetteerData data;
  private final NameIndex names;
  private final SphereKdTree tree;

  /**
   * @param loaded the places, their k-d tree and the name index, as read from the file
   */
  Gazetteer(GazetteerFile.Loaded loaded) {
    this.data = loaded.places();
    this.tree = loaded.tree();
    this.names = loaded.names();
  }

  /**
   * @param in the gazetteer file
   * @return the gazetteer, ready for forward and reverse lookups
   * @throws IOException when the file cannot be read or is not a complete gazetteer file of this
   *     version
   */
  static Gazetteer load(InputStream in) throws IOException {
    return new Gazetteer(GazetteerFile.read(in));
  }

  int placeCount() {
    return data.placeCount();
  }

  int keyCount() {
    return names.keyCount();
  }

  /**
   * @param query a place name, optionally followed by comma-separated region and country qualifiers
   * @return the best match, or null
   */
  Match find(String query) {
    List<String> parts = new ArrayList<>();
    for (String part : PARTS.split(query)) {
      String folded = NameFolding.fold(part);
      if (!folded.isEmpty()) {
        parts.add(folded);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    for (int start = 0; start < parts.size(); start++) {
      List<String> qualifiers = parts.subList(start + 1, parts.size());
      Match m = best(parts.get(start), qualifiers, false, start);
      if (m == null && parts.size() == 1) {
        m = splitOnSpaces(parts.get(0));
      }
      if (m != null) {
        return m;
      }
    }
    for (int start = 0; start < parts.size(); start++) {
      if (parts.get(start).length() >= MIN_PREFIX) {
        Match m = best(parts.get(start), parts.subList(start + 1, parts.size()), true, start);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  /** "paris texas", "new york usa": the tail words as one qualifier. */
  private Match splitOnSpaces(String folded) {
    String[] words = folded.split(" ");
    for (int cut = words.length - 1; cut >= 1; cut--) {
      String name = String.join(" ", Arrays.copyOfRange(words, 0, cut));
      String qualifier = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
      Match m = best(name, List.of(qualifier), false, 0);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private Match best(String name, List<String> qualifierList, boolean prefix, int skipped) {
    int[][] qualifiers = new int[qualifierList.size()][];
    for (int i = 0; i < qualifiers.length; i++) {
      qualifiers[i] = regionsNamed(qualifierList.get(i));
    }
    double[] bestScore = {Double.NEGATIVE_INFINITY};
    int[] best = {-1, 0};
    NameIndex.Sink sink =
        (place, kind) -> {
          if (!qualifies(place, qualifiers)) {
            return;
          }
          double score =
              Math.log10(data.population()[place] + 10.0)
                  + KIND_BONUS[kind]
                  + RANK_BONUS[data.rank()[place]];
          if (score > bestScore[0]) {
            bestScore[0] = score;
            best[0] = place;
            best[1] = kind;
          }
        };
    if (prefix) {
      names.prefix(name, PREFIX_LIMIT, sink);
    } else {
      names.exact(name, sink);
    }
    return best[0] < 0 ? null : new Match(best[0], best[1], skipped);
  }

  /**
   * @return the {@link GazetteerData#region} values of the countries a qualifier names and of the
   *     divisions it names with or without generic words ("Hubei", "Hubei Province"), sorted
   */
  private int[] regionsNamed(String qualifier) {
    KeyTable regions = data.regions();
    int key = regions.find(qualifier.getBytes(StandardCharsets.UTF_8));
    int bare = regions.find(withoutGenericWords(qualifier).getBytes(StandardCharsets.UTF_8));
    int[] found =
        new int
            [(key < 0 ? 0 : regions.to(key) - regions.from(key))
                + (bare < 0 ? 0 : regions.to(bare) - regions.from(bare))];
    int n = 0;
    for (int i = key < 0 ? 0 : regions.from(key), end = key < 0 ? 0 : regions.to(key);
        i < end;
        i++) {
      found[n++] = regions.value(i);
    }
    for (int i = bare < 0 ? 0 : regions.from(bare), end = bare < 0 ? 0 : regions.to(bare);
        i < end;
        i++) {
      int v = regions.value(i);
      if ((v & 1) == 1) {
        found[n++] = v;
      }
    }
    int[] sorted = Arrays.copyOf(found, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private boolean qualifies(int place, int[][] qualifiers) {
    for (int[] regions : qualifiers) {
      int admin = data.admin1()[place];
      boolean ok =
          Arrays.binarySearch(regions, GazetteerData.region(data.country()[place], false)) >= 0
              || admin >= 0 && Arrays.binarySearch(regions, GazetteerData.region(admin, true)) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return the folded name without words such as "province" or "state", or the name if nothing is
   *     left
   */
  static String withoutGenericWords(String folded) {
    StringBuilder out = new StringBuilder();
    for (String word : folded.split(" ")) {
      if (!GENERIC.contains(word)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(word);
      }
    }
    return out.length() == 0 ? folded : out.toString();
  }

  /**
   * The place whose estimated extent best covers the point: the nearest place, unless a larger
   * place a little farther away covers the point better (a point in central Paris is Paris, not the
   * suburb whose centre happens to be a few hundred metres closer).
   *
   * @return the place and its distance, or null when the gazetteer is empty
   */
  Nearby nearest(double latitude, double longitude) {
    int nearest = tree.nearest(latitude, longitude);
    if (nearest < 0) {
      return null;
    }
    double d0 = distanceKm(nearest, latitude, longitude);
    if (d0 > 30) {
      return new Nearby(nearest, d0);
    }
    int[] best = {nearest};
    double[] bestRatio = {d0 / extentKm(nearest)};
    tree.within(
        latitude,
        longitude,
        d0 + 20,
        (place, km) -> {
          double ratio = km / extentKm(place);
          if (ratio < bestRatio[0]) {
            bestRatio[0] = ratio;
            best[0] = place;
          }
        });
    return new Nearby(best[0], distanceKm(best[0], latitude, longitude));
  }

  /** A rough radius of a place from its population, for choosing between neighbours. */
  private double extentKm(int place) {
    return Math.max(1.0, 0.006 * Math.sqrt(data.population()[place]));
  }

  private double distanceKm(int place, double latitude, double longitude) {
    return SphereKdTree.distanceKm(latitude, longitude, latitude(place), longitude(place));
  }

  String name(int place) {
    return data.names().get(place);
  }

  double latitude(int place) {
    return data.latE5()[place] / 1e5;
  }

  double longitude(int place) {
    return data.lonE5()[place] / 1e5;
  }

  int population(int place) {
    return data.population()[place];
  }

  int geonameId(int place) {
    return data.geonameId()[place];
  }

  String countryCode(int place) {
    return data.countryCodes().get(data.country()[place]);
  }

  String countryName(int place) {
    return data.countryNames().get(data.country()[place]);
  }

  /**
   * @return the first-level division's name, or null
   */
  String admin1Name(int place) {
    int a = data.admin1()[place];
    return a < 0 ? null : data.admin1Names().get(a);
  }

  /**
   * @return the first-level division's GeoNames code, or null
   */
  String admin1Code(int place) {
    int a = data.admin1()[place];
    return a < 0 ? null : data.admin1Codes().get(a);
  }
}
