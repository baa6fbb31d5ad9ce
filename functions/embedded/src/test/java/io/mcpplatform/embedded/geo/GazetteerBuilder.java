package io.mcpplatform.embedded.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Builds the gazetteer file from GeoNames text: {@code cities1000.txt} (GeoNames' tab-separated
 * dump format), a tab-separated admin1 table ({@code CC.code}, name) and a tab-separated country
 * table (code, name, aliases separated by {@code |}). Run by {@code scripts/build-gazetteer.sh},
 * not by the build; it lives with the tests so that it shares the file format and the name folding
 * with the reader.
 */
public final class GazetteerBuilder {

  private static final int MAX_KEY_BYTES = 200;

  private record Place(
      int id,
      String name,
      double lat,
      double lon,
      int population,
      String country,
      String admin1,
      int rank,
      Set<String> primaryKeys,
      Set<String> alternateKeys) {}

  private GazetteerBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: GazetteerBuilder cities1000.txt admin1.tsv countries.tsv out.bin.gz");
    }
    try (BufferedReader cities = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
      GazetteerFile.Contents contents =
          build(
              cities.lines().toList(),
              Files.readAllLines(Path.of(args[1])),
              Files.readAllLines(Path.of(args[2])));
      GazetteerFile.write(contents, out);
    }
  }

  static GazetteerFile.Contents build(
      List<String> cityLines, List<String> admin1Lines, List<String> countryLines) {
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String[]> aliases = new ArrayList<>();
    Map<String, Integer> countryIndex = new HashMap<>();
    for (String line : countryLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        continue;
      }
      countryIndex.put(f[0], codes.size());
      codes.add(f[0]);
      names.add(f[1]);
      aliases.add(f.length > 2 && !f[2].isEmpty() ? f[2].split("\\|") : new String[0]);
    }
    List<Short> adminCountry = new ArrayList<>();
    List<String> adminCodes = new ArrayList<>();
    List<String> adminNames = new ArrayList<>();
    Map<String, Integer> adminIndex = new HashMap<>();
    for (String line : admin1Lines) {
      String[] f = line.split("\t", -1);
      if (f.length < 2 || !f[0].contains(".")) {
        continue;
      }
      String cc = f[0].substring(0, f[0].indexOf('.'));
      Integer c = countryIndex.computeIfAbsent(cc, k -> addCountry(k, codes, names, aliases));
      adminIndex.put(f[0], adminCodes.size());
      adminCountry.add(c.shortValue());
      adminCodes.add(f[0].substring(f[0].indexOf('.') + 1));
      adminNames.add(f[1]);
    }

    List<Place> places = new ArrayList<>();
    for (String line : cityLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 15 || f[0].isEmpty()) {
        continue;
      }
      String country = f[8];
      countryIndex.computeIfAbsent(country, k -> addCountry(k, codes, names, aliases));
      Set<String> primary = new LinkedHashSet<>();
      addKey(primary, f[1]);
      addKey(primary, f[2]);
      if (primary.isEmpty()) {
        continue;
      }
      Set<String> alternate = new LinkedHashSet<>();
      for (String alt : f[3].split(",")) {
        if (!alt.startsWith("http") && !alt.chars().allMatch(Character::isDigit)) {
          addKey(alternate, alt);
        }
      }
      alternate.removeAll(primary);
      places.add(
          new Place(
              Integer.parseInt(f[0]),
              f[1],
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              f[14].isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(f[14])),
              country,
              country + "." + f[10],
              rank(f[7]),
              primary,
              alternate));
    }

    double[] lat = places.stream().mapToDouble(Place::lat).toArray();
    double[] lon = places.stream().mapToDouble(Place::lon).toArray();
    int[] order = SphereKdTree.layout(lat, lon);
    int n = order.length;
    int[] latE5 = new int[n];
    int[] lonE5 = new int[n];
    int[] population = new int[n];
    int[] ids = new int[n];
    short[] country = new short[n];
    int[] admin1 = new int[n];
    byte[] rank = new byte[n];
    List<String> displayNames = new ArrayList<>();
    Map<String, List<Integer>> keyPlaces = new HashMap<>();
    String[] primaryName = new String[n];
    for (int i = 0; i < n; i++) {
      Place p = places.get(order[i]);
      latE5[i] = (int) Math.round(p.lat() * 1e5);
      lonE5[i] = (int) Math.round(p.lon() * 1e5);
      population[i] = p.population();
      ids[i] = p.id();
      country[i] = countryIndex.get(p.country()).shortValue();
      admin1[i] = adminIndex.getOrDefault(p.admin1(), -1);
      rank[i] = (byte) p.rank();
      displayNames.add(p.name());
      for (String key : p.primaryKeys()) {
        keyPlaces
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(NameIndex.entry(i, NameIndex.KIND_PRIMARY));
      }
      for (String key : p.alternateKeys()) {
        keyPlaces
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(NameIndex.entry(i, NameIndex.KIND_ALTERNATE));
      }
      primaryName[i] = p.primaryKeys().iterator().next();
    }
    // Places under one name, highest index first: the order in which lookups have always visited
    // them.
    keyPlaces.values().forEach(entries -> entries.sort(Comparator.reverseOrder()));
    List<String> keys = sortedKeys(keyPlaces.keySet());
    KeyTable keyTable = keyTable(keys, keyPlaces);
    Map<String, Integer> keyIndex = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      keyIndex.put(keys.get(k), k);
    }
    int[] primaryKey = new int[n];
    for (int i = 0; i < n; i++) {
      primaryKey[i] = keyIndex.get(primaryName[i]);
    }
    int[] primaryOrder =
        IntStream.range(0, n)
            .boxed()
            .sorted(
                Comparator.comparingInt((Integer i) -> primaryKey[i])
                    .thenComparing(i -> population[i], Comparator.reverseOrder()))
            .mapToInt(Integer::intValue)
            .toArray();
    short[] adminCountryArray = new short[adminCountry.size()];
    for (int i = 0; i < adminCountryArray.length; i++) {
      adminCountryArray[i] = adminCountry.get(i);
    }
    KeyTable regions = regions(codes, names, aliases, adminCodes, adminNames);
    GazetteerData data =
        new GazetteerData(
            Utf8Table.of(codes),
            Utf8Table.of(names),
            adminCountryArray,
            Utf8Table.of(adminCodes),
            Utf8Table.of(adminNames),
            regions,
            latE5,
            lonE5,
            population,
            ids,
            country,
            admin1,
            rank,
            Utf8Table.of(displayNames));
    return new GazetteerFile.Contents(data, new NameIndex(keyTable, primaryKey, primaryOrder));
  }

  /**
   * The folded forms that name each country and each first-level division, as qualifiers match
   * them.
   */
  private static KeyTable regions(
      List<String> codes,
      List<String> names,
      List<String[]> aliases,
      List<String> adminCodes,
      List<String> adminNames) {
    Map<String, Set<Integer>> forms = new HashMap<>();
    for (int c = 0; c < codes.size(); c++) {
      List<String> spellings = new ArrayList<>(List.of(codes.get(c), names.get(c)));
      spellings.addAll(Arrays.asList(aliases.get(c)));
      for (String spelling : spellings) {
        addForm(forms, NameFolding.fold(spelling), GazetteerData.region(c, false));
      }
    }
    for (int a = 0; a < adminCodes.size(); a++) {
      int value = GazetteerData.region(a, true);
      String name = NameFolding.fold(adminNames.get(a));
      addForm(forms, name, value);
      addForm(forms, Gazetteer.withoutGenericWords(name), value);
      String code = adminCodes.get(a);
      if (code.chars().allMatch(Character::isLetter)) {
        addForm(forms, NameFolding.fold(code), value);
      }
    }
    Map<String, List<Integer>> values = new HashMap<>();
    forms.forEach((form, set) -> values.put(form, new ArrayList<>(set)));
    return keyTable(sortedKeys(values.keySet()), values);
  }

  private static void addForm(Map<String, Set<Integer>> forms, String form, int value) {
    if (!form.isEmpty()) {
      forms.computeIfAbsent(form, k -> new TreeSet<>()).add(value);
    }
  }

  /**
   * @return the keys in unsigned UTF-8 byte order, the order {@link KeyTable} searches in
   */
  private static List<String> sortedKeys(Set<String> keys) {
    return keys.stream()
        .map(k -> k.getBytes(StandardCharsets.UTF_8))
        .sorted(Arrays::compareUnsigned)
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .toList();
  }

  private static KeyTable keyTable(List<String> sortedKeys, Map<String, List<Integer>> values) {
    int[] valueStart = new int[sortedKeys.size() + 1];
    List<Integer> all = new ArrayList<>();
    for (int k = 0; k < sortedKeys.size(); k++) {
      all.addAll(values.get(sortedKeys.get(k)));
      valueStart[k + 1] = all.size();
    }
    return new KeyTable(
        Utf8Table.of(sortedKeys), valueStart, all.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Integer addCountry(
      String code, List<String> codes, List<String> names, List<String[]> aliases) {
    codes.add(code);
    names.add(code);
    aliases.add(new String[0]);
    return codes.size() - 1;
  }

  private static void addKey(Set<String> keys, String name) {
    String folded = NameFolding.fold(name);
    if (!folded.isEmpty() && folded.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
      keys.add(folded);
    }
  }

  private static int rank(String featureCode) {
    return switch (featureCode) {
      case "PPLC" -> 3;
      case "PPLA" -> 2;
      case "PPLA2" -> 1;
      default -> 0;
    };
  }
}
