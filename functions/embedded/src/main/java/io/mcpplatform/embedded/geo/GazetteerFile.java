package io.mcpplatform.embedded.geo;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes the gazetteer's binary file: a gzip stream of big-endian sections (magic, version,
 * tables of countries and first-level divisions, then one array per place field). Arrays are read in bulk,
 * which keeps loading fast.
 */
final class GazetteerFile {

  private static final int MAGIC = 0x475A5431; // "GZT1"
  private static final int VERSION = 1;

  private GazetteerFile() {}

  static void write(GazetteerData data, OutputStream target) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 24);
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
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
    writeBytes(out, data.keys());
    writeInts(out, data.primaryOrder());
    out.flush();
    try (GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      raw.writeTo(gzip);
    }
  }

  static GazetteerData read(InputStream source) throws IOException {
    byte[] bytes;
    try (GZIPInputStream gzip = new GZIPInputStream(source, 1 << 16)) {
      bytes = gzip.readAllBytes();
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt() != MAGIC || in.getInt() != VERSION) {
      throw new IOException("not a gazetteer file of version " + VERSION);
    }
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
    byte[] keys = readBytes(in);
    int[] primaryOrder = readInts(in);
    return new GazetteerData(codes, names, aliases, adminCountry, adminCodes, adminNames, lat, lon, population,
        ids, country, admin1, rank, nameBytes, keys, primaryOrder);
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
