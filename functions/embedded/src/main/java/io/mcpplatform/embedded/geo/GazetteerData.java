package io.mcpplatform.embedded.geo;

/**
 * The gazetteer's content as stored in its file, places in {@link SphereKdTree} order.
 *
 * @param countryCodes ISO 3166-1 alpha-2 codes
 * @param countryNames English short names, same order
 * @param countryAliases other English names and abbreviations per country ({@code USA}, {@code UK})
 * @param admin1Country index into the country arrays of each first-level division
 * @param admin1Codes GeoNames admin1 codes ({@code TX}, {@code 11})
 * @param admin1Names English names of the divisions ({@code Texas}, {@code Île-de-France})
 * @param latE5 latitude of each place in 1e-5 degrees
 * @param lonE5 longitude of each place in 1e-5 degrees
 * @param population population of each place
 * @param geonameId GeoNames id of each place
 * @param country index into the country arrays of each place
 * @param admin1 index into the admin1 arrays of each place, -1 when unknown
 * @param rank 3 for a capital, 2 for a first-level seat, 1 for a second-level seat, 0 otherwise
 * @param names UTF-8 display names, each ended by {@code '\n'}, in place order
 * @param keys UTF-8 folded names of every place: for each place, its keys each preceded by a kind byte
 *     ({@link #KIND_PRIMARY} or {@link #KIND_ALTERNATE}), then a 0 byte
 * @param primaryOrder place indices sorted by the bytes of their first (primary) key
 */
record GazetteerData(
    String[] countryCodes,
    String[] countryNames,
    String[][] countryAliases,
    short[] admin1Country,
    String[] admin1Codes,
    String[] admin1Names,
    int[] latE5,
    int[] lonE5,
    int[] population,
    int[] geonameId,
    short[] country,
    int[] admin1,
    byte[] rank,
    byte[] names,
    byte[] keys,
    int[] primaryOrder) {

  /** Kind byte of a place's own name (and its ASCII spelling). */
  static final byte KIND_PRIMARY = 1;

  /** Kind byte of an alternate name. */
  static final byte KIND_ALTERNATE = 2;

  /** @return how many places there are */
  int placeCount() {
    return latE5.length;
  }
}
