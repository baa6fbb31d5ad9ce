package io.mcpplatform.embedded.geo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes the gazetteer's binary file: a short header, then two gzip members, one with the places
 * (tables of countries and first-level divisions, one array per place field) and one with the names
 * index (folded keys, primary-name order). The two members are inflated in parallel and arrays are read
 * in bulk, which keeps loading fast.
 */
final class GazetteerFile {

  private static final int MAGIC = 0x475A5432; // "GZT2"

  /** What reading gives: the places now, the name index when its member has been indexed. */
  record Loaded(GazetteerData places, CompletableFuture<NameIndex> names) {}

  private GazetteerFile() {}

  static void write(GazetteerData data, OutputStream target) throws IOException {
    byte[] places = gzip(placesPart(data));
    byte[] keys = gzip(keysPart(data));
    DataOutputStream out = new DataOutputStream(target);
    out.writeInt(MAGIC);
    out.writeInt(places.length);
    out.write(places);
    out.writeInt(keys.length);
    out.write(keys);
    out.flush();
  }

  private static byte[] placesPart(GazetteerData data) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 22);
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(data.countryCodes().length);
    for (int i = 0; i < data.countryCodes().length; i++) {
      writeString(out, data.countryCodes()[i]);
      writeString(out, data.countryNames()[i]);
      out.writeInt(data.countryAliases()[i].length);
      for (String alias : data.countryAliases()[i]) {
        writeString(out, alias);
      }
    }
    out.writeInt(data.admin1Codes().length);
    for (int i = 0; i < data.admin1Codes().length; i++) {
      out.writeShort(data.admin1Country()[i]);
      writeString(out, data.admin1Codes()[i]);
      writeString(out, data.admin1Names()[i]);
    }
    writeInts(out, data.latE5());
    writeInts(out, data.lonE5());
    writeInts(out, data.population());
    writeInts(out, data.geonameId());
    out.writeInt(data.country().length);
    for (short s : data.country()) {
      out.writeShort(s);
    }
    writeInts(out, data.admin1());
    writeBytes(out, data.rank());
    writeBytes(out, data.names());
    out.flush();
    return raw.toByteArray();
  }

  private static byte[] keysPart(GazetteerData data) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 24);
    DataOutputStream out = new DataOutputStream(raw);
    int entries = 0;
    for (byte b : data.keys()) {
      if (b == GazetteerData.KIND_PRIMARY || b == GazetteerData.KIND_ALTERNATE) {
        entries++;
      }
    }
    out.writeInt(data.placeCount());
    out.writeInt(entries);
    writeInts(out, data.primaryOrder());
    writeBytes(out, data.keys());
    out.flush();
    return raw.toByteArray();
  }

  /**
   * Reads the places and starts indexing the names on another thread.
   *
   * @param source the file
   * @return the places (with empty key fields) and the name index to come
   * @throws IOException when the file cannot be read or is not a gazetteer file
   */
  static Loaded read(InputStream source) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(source.readAllBytes());
    if (file.remaining() < 12 || file.getInt() != MAGIC) {
      throw new IOException("not a gazetteer file of this version");
    }
    int placesLength = file.getInt();
    int placesStart = file.position();
    file.position(placesStart + placesLength);
    int keysLength = file.getInt();
    int keysStart = file.position();
    byte[] bytes = file.array();
    CompletableFuture<NameIndex> names = CompletableFuture.supplyAsync(() -> {
      ByteBuffer in = ByteBuffer.wrap(inflate(bytes, keysStart, keysLength));
      int placeCount = in.getInt();
      int entries = in.getInt();
      int[] primaryOrder = readInts(in);
      return new NameIndex(readBytes(in), placeCount, primaryOrder, entries);
    });
    return new Loaded(readPlaces(ByteBuffer.wrap(inflate(bytes, placesStart, placesLength))), names);
  }

  private static GazetteerData readPlaces(ByteBuffer in) {
    int countries = in.getInt();
    String[] codes = new String[countries];
    String[] names = new String[countries];
    String[][] aliases = new String[countries][];
    for (int i = 0; i < countries; i++) {
      codes[i] = readString(in);
      names[i] = readString(in);
      aliases[i] = new String[in.getInt()];
      for (int j = 0; j < aliases[i].length; j++) {
        aliases[i][j] = readString(in);
      }
    }
    int admins = in.getInt();
    short[] adminCountry = new short[admins];
    String[] adminCodes = new String[admins];
    String[] adminNames = new String[admins];
    for (int i = 0; i < admins; i++) {
      adminCountry[i] = in.getShort();
      adminCodes[i] = readString(in);
      adminNames[i] = readString(in);
    }
    int[] lat = readInts(in);
    int[] lon = readInts(in);
    int[] population = readInts(in);
    int[] ids = readInts(in);
    short[] country = new short[in.getInt()];
    in.asShortBuffer().get(country);
    in.position(in.position() + 2 * country.length);
    int[] admin1 = readInts(in);
    byte[] rank = readBytes(in);
    byte[] nameBytes = readBytes(in);
    return new GazetteerData(codes, names, aliases, adminCountry, adminCodes, adminNames, lat, lon, population,
        ids, country, admin1, rank, nameBytes, new byte[0], new int[0]);
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(raw);
    }
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] bytes, int offset, int length) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes, offset, length), 1 << 16)) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(ByteBuffer in) {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(ByteBuffer in) {
    int[] values = new int[in.getInt()];
    in.asIntBuffer().get(values);
    in.position(in.position() + 4 * values.length);
    return values;
  }
}
