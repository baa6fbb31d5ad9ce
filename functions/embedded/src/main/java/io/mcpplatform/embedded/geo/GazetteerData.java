package io.mcpplatform.embedded.geo;

/**
 * The gazetteer's places as stored in its file, in {@link SphereKdTree} order, one array per field.
 * The name index is kept apart ({@link NameIndex}) so that it can be read on another thread.
 *
 * @param countryCodes ISO 3166-1 alpha-2 codes
 * @param countryNames English short names, same order
 * @param admin1Country index into the country tables of each first-level division
 * @param admin1Codes GeoNames admin1 codes ({@code TX}, {@code 11})
 * @param admin1Names English names of the divisions ({@code Texas}, {@code Île-de-France})
 * @param regions the folded forms that name a country (code, name, English aliases) or a division
 *     (name, name without generic words such as "province", letter code); values are {@link
 *     #region} entries
 * @param latE5 latitude of each place in 1e-5 degrees
 * @param lonE5 longitude of each place in 1e-5 degrees
 * @param population population of each place
 * @param geonameId GeoNames id of each place
 * @param country index into the country tables of each place
 * @param admin1 index into the admin1 tables of each place, -1 when unknown
 * @param rank 3 for a capital, 2 for a first-level seat, 1 for a second-level seat, 0 otherwise
 * @param names display names, in place order
 */
record GazetteerData(
    Utf8Table countryCodes,
    Utf8Table countryNames,
    short[] admin1Country,
    Utf8Table admin1Codes,
    Utf8Table admin1Names,
    KeyTable regions,
    int[] latE5,
    int[] lonE5,
    int[] population,
    int[] geonameId,
    short[] country,
    int[] admin1,
    byte[] rank,
    Utf8Table names) {

  /**
   * @throws IllegalArgumentException when the tables disagree on their sizes
   */
  GazetteerData {
    int n = latE5.length;
    if (lonE5.length != n
        || population.length != n
        || geonameId.length != n
        || country.length != n
        || admin1.length != n
        || rank.length != n
        || names.size() != n) {
      throw new IllegalArgumentException("place fields disagree on the number of places");
    }
    if (countryNames.size() != countryCodes.size()
        || admin1Codes.size() != admin1Country.length
        || admin1Names.size() != admin1Country.length) {
      throw new IllegalArgumentException("country or division tables disagree on their sizes");
    }
  }

  /**
   * @return how many places there are
   */
  int placeCount() {
    return latE5.length;
  }

  /**
   * @param index a country or division index
   * @param division true for a first-level division, false for a country
   * @return the value that stands for it in {@link #regions()}
   */
  static int region(int index, boolean division) {
    return index << 1 | (division ? 1 : 0);
  }
}
