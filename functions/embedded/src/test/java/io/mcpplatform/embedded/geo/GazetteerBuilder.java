package io.mcpplatform.embedded.geo;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds the gazetteer file from GeoNames text: {@code cities1000.txt} (GeoNames' tab-separated dump
 * format), a tab-separated admin1 table ({@code CC.code}, name) and a tab-separated country table (code,
 * name, aliases separated by {@code |}). Run by {@code scripts/build-gazetteer.sh}, not by the build; it
 * lives with the tests so that it shares the file format and the name folding with the reader.
 */
public final class GazetteerBuilder {

  private static final int MAX_KEY_BYTES = 200;

  private record Place(int id, String name, double lat, double lon, int population, String country,
      String admin1, int rank, Set<String> primaryKeys, Set<String> alternateKeys) {}

  private GazetteerBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: GazetteerBuilder cities1000.txt admin1.tsv countries.tsv out.bin.gz");
    }
    try (BufferedReader cities = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
      GazetteerData data = build(cities.lines().toList(), Files.readAllLines(Path.of(args[1])),
          Files.readAllLines(Path.of(args[2])));
      GazetteerFile.write(data, out);
    }
  }

  static GazetteerData build(List<String> cityLines, List<String> admin1Lines, List<String> countryLines) {
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
      places.add(new Place(Integer.parseInt(f[0]), f[1], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
          f[14].isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(f[14])), country,
          country + "." + f[10], rank(f[7]), primary, alternate));
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
    ByteArrayOutputStream nameBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream keyBytes = new ByteArrayOutputStream();
    byte[][] primaryKey = new byte[n][];
    for (int i = 0; i < n; i++) {
      Place p = places.get(order[i]);
      latE5[i] = (int) Math.round(p.lat() * 1e5);
      lonE5[i] = (int) Math.round(p.lon() * 1e5);
      population[i] = p.population();
      ids[i] = p.id();
      country[i] = countryIndex.get(p.country()).shortValue();
      admin1[i] = adminIndex.getOrDefault(p.admin1(), -1);
      rank[i] = (byte) p.rank();
      nameBytes.writeBytes((p.name() + "\n").getBytes(StandardCharsets.UTF_8));
      for (String key : p.primaryKeys()) {
        keyBytes.write(GazetteerData.KIND_PRIMARY);
        keyBytes.writeBytes(key.getBytes(StandardCharsets.UTF_8));
      }
      for (String key : p.alternateKeys()) {
        keyBytes.write(GazetteerData.KIND_ALTERNATE);
        keyBytes.writeBytes(key.getBytes(StandardCharsets.UTF_8));
      }
      keyBytes.write(0);
      primaryKey[i] = p.primaryKeys().iterator().next().getBytes(StandardCharsets.UTF_8);
    }
    int[] primaryOrder = IntStream.range(0, n).boxed()
        .sorted((a, b) -> {
          int c = Arrays.compareUnsigned(primaryKey[a], primaryKey[b]);
          return c != 0 ? c : Integer.compare(population[b], population[a]);
        })
        .mapToInt(Integer::intValue).toArray();
    short[] adminCountryArray = new short[adminCountry.size()];
    for (int i = 0; i < adminCountryArray.length; i++) {
      adminCountryArray[i] = adminCountry.get(i);
    }
    return new GazetteerData(codes.toArray(String[]::new), names.toArray(String[]::new),
        aliases.toArray(String[][]::new), adminCountryArray, adminCodes.toArray(String[]::new),
        adminNames.toArray(String[]::new), latE5, lonE5, population, ids, country, admin1, rank,
        nameBytes.toByteArray(), keyBytes.toByteArray(), primaryOrder);
  }

  private static Integer addCountry(String code, List<String> codes, List<String> names, List<String[]> aliases) {
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
