package io.mcpplatform.embedded.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The world's places with at least 1,000 inhabitants (GeoNames), searchable by name and by position.
 * Immutable once loaded; safe to share between threads.
 */
final class Gazetteer {

  /** A forward match. {@code skippedParts} counts leading comma-separated parts that matched nothing. */
  record Match(int place, int kind, int skippedParts) {}

  /** A reverse match with its great-circle distance from the asked point. */
  record Nearby(int place, double distanceKm) {}

  private static final Pattern PARTS = Pattern.compile("[,;]");
  private static final Set<String> GENERIC = Set.of("province", "region", "state", "oblast", "prefecture",
      "county", "governorate", "district", "department", "of", "autonomous", "republic");
  private static final double[] KIND_BONUS = {0.0, 1.0, 0.4};
  private static final double[] RANK_BONUS = {0.0, 0.1, 0.3, 0.6};
  private static final int PREFIX_LIMIT = 5_000;
  private static final int MIN_PREFIX = 3;

  private final GazetteerData data;
  private final NameIndex names;
  private final SphereKdTree tree;
  private final double[] lat;
  private final double[] lon;
  private final int[] nameOffset;
  private final List<Set<String>> countryForms;
  private final List<Set<String>> admin1Forms;

  /** A gazetteer over complete data (the builder's output), indexed on this thread. */
  Gazetteer(GazetteerData data) {
    this(data, CompletableFuture.completedFuture(
        new NameIndex(data.keys(), data.placeCount(), data.primaryOrder(), -1)));
  }

  /**
   * @param data the places; key fields are not used
   * @param index the name index, possibly still being built on another thread
   */
  Gazetteer(GazetteerData data, CompletableFuture<NameIndex> index) {
    this.data = data;
    int n = data.placeCount();
    lat = new double[n];
    lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = data.latE5()[i] / 1e5;
      lon[i] = data.lonE5()[i] / 1e5;
    }
    tree = new SphereKdTree(lat, lon);
    nameOffset = new int[n + 1];
    byte[] nameBytes = data.names();
    for (int i = 0, place = 0; i < nameBytes.length; i++) {
      if (nameBytes[i] == '\n') {
        nameOffset[++place] = i + 1;
      }
    }
    countryForms = new ArrayList<>();
    for (int c = 0; c < data.countryCodes().length; c++) {
      Set<String> forms = new HashSet<>();
      forms.add(NameFolding.fold(data.countryCodes()[c]));
      forms.add(NameFolding.fold(data.countryNames()[c]));
      for (String alias : data.countryAliases()[c]) {
        forms.add(NameFolding.fold(alias));
      }
      countryForms.add(forms);
    }
    admin1Forms = new ArrayList<>();
    for (int a = 0; a < data.admin1Codes().length; a++) {
      Set<String> forms = new HashSet<>();
      String name = NameFolding.fold(data.admin1Names()[a]);
      forms.add(name);
      forms.add(withoutGenericWords(name));
      String code = data.admin1Codes()[a];
      if (code.chars().allMatch(Character::isLetter)) {
        forms.add(NameFolding.fold(code));
      }
      admin1Forms.add(forms);
    }
    names = index.join();
  }

  static Gazetteer load(InputStream in) throws IOException {
    GazetteerFile.Loaded loaded = GazetteerFile.read(in);
    return new Gazetteer(loaded.places(), loaded.names());
  }

  int placeCount() {
    return lat.length;
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
    String[][] qualifiers = new String[qualifierList.size()][];
    for (int i = 0; i < qualifiers.length; i++) {
      String q = qualifierList.get(i);
      qualifiers[i] = new String[] {q, withoutGenericWords(q)};
    }
    double[] bestScore = {Double.NEGATIVE_INFINITY};
    int[] best = {-1, 0};
    NameIndex.Sink sink = (place, kind) -> {
      if (!qualifies(place, qualifiers)) {
        return;
      }
      double score = Math.log10(data.population()[place] + 10.0) + KIND_BONUS[kind] + RANK_BONUS[data.rank()[place]];
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

  private boolean qualifies(int place, String[][] qualifiers) {
    for (String[] q : qualifiers) {
      int admin = data.admin1()[place];
      boolean ok = countryForms.get(data.country()[place]).contains(q[0])
          || admin >= 0 && (admin1Forms.get(admin).contains(q[0]) || admin1Forms.get(admin).contains(q[1]));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String withoutGenericWords(String folded) {
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
   * The place whose estimated extent best covers the point: the nearest place, unless a larger place a
   * little farther away covers the point better (a point in central Paris is Paris, not the suburb whose
   * centre happens to be a few hundred metres closer).
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
    tree.within(latitude, longitude, d0 + 20, (place, km) -> {
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
    return SphereKdTree.distanceKm(latitude, longitude, lat[place], lon[place]);
  }

  String name(int place) {
    return new String(data.names(), nameOffset[place], nameOffset[place + 1] - nameOffset[place] - 1,
        StandardCharsets.UTF_8);
  }

  double latitude(int place) {
    return lat[place];
  }

  double longitude(int place) {
    return lon[place];
  }

  int population(int place) {
    return data.population()[place];
  }

  int geonameId(int place) {
    return data.geonameId()[place];
  }

  String countryCode(int place) {
    return data.countryCodes()[data.country()[place]];
  }

  String countryName(int place) {
    return data.countryNames()[data.country()[place]];
  }

  /** @return the first-level division's name, or null */
  String admin1Name(int place) {
    int a = data.admin1()[place];
    return a < 0 ? null : data.admin1Names()[a];
  }

  /** @return the first-level division's GeoNames code, or null */
  String admin1Code(int place) {
    int a = data.admin1()[place];
    return a < 0 ? null : data.admin1Codes()[a];
  }
}
