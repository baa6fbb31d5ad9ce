package io.mcpplatform.embedded.geo;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Reads and writes the gazetteer's binary file, format "GZT3": a header (magic, section count, then each
 * section's inflated and stored length), then zlib-compressed sections of little-endian arrays, each
 * preceded by its length (ascending offsets are stored as one-byte steps). Everything a lookup needs is precomputed by the builder (the k-d tree order, the
 * sorted name keys with their places, the prefix order, the region names), so reading is a few bulk copies
 * into primitive arrays and names are decoded only when a result needs one. The places section is read on
 * the calling thread while the two name sections are read on another; zlib's Adler-32 check and the length
 * checks turn a corrupt or truncated file into an {@link IOException} that says so.
 */
final class GazetteerFile {

  private static final int MAGIC = 0x475A5433; // "GZT3"
  private static final int SECTIONS = 3;
  private static final int HEADER_BYTES = 8 + 8 * SECTIONS;
  private static final int MAX_SECTION_BYTES = 256 << 20;

  /** Everything the file holds. */
  record Contents(GazetteerData places, NameIndex names) {}

  /** What reading gives: the places now, the name index when its sections have been read. */
  record Loaded(GazetteerData places, CompletableFuture<NameIndex> names) {}

  private record Section(int offset, int storedLength, int rawLength) {}

  private GazetteerFile() {}

  /**
   * @param contents what to write
   * @param target where to write it
   * @throws IOException when the target cannot be written
   */
  static void write(Contents contents, OutputStream target) throws IOException {
    byte[][] raw = {placesSection(contents.places()), keysSection(contents.names()),
        postingsSection(contents.names())};
    byte[][] stored = new byte[SECTIONS][];
    DataOutputStream out = new DataOutputStream(target);
    out.writeInt(MAGIC);
    out.writeInt(SECTIONS);
    for (int i = 0; i < SECTIONS; i++) {
      stored[i] = deflate(raw[i]);
      out.writeInt(raw[i].length);
      out.writeInt(stored[i].length);
    }
    for (byte[] s : stored) {
      out.write(s);
    }
    out.flush();
  }

  private static byte[] placesSection(GazetteerData data) {
    SectionWriter out = new SectionWriter();
    out.strings(data.countryCodes());
    out.strings(data.countryNames());
    out.shorts(data.admin1Country());
    out.strings(data.admin1Codes());
    out.strings(data.admin1Names());
    out.strings(data.regions().keys());
    out.offsets(data.regions().valueStart());
    out.ints(data.regions().values());
    out.ints(data.latE5());
    out.ints(data.lonE5());
    out.ints(data.population());
    out.ints(data.geonameId());
    out.shorts(data.country());
    out.ints(data.admin1());
    out.bytes(data.rank());
    out.strings(data.names());
    return out.toByteArray();
  }

  private static byte[] keysSection(NameIndex names) {
    SectionWriter out = new SectionWriter();
    out.strings(names.keys().keys());
    return out.toByteArray();
  }

  private static byte[] postingsSection(NameIndex names) {
    SectionWriter out = new SectionWriter();
    out.offsets(names.keys().valueStart());
    out.ints(names.keys().values());
    out.ints(names.primaryKey());
    out.ints(names.primaryOrder());
    return out.toByteArray();
  }

  /**
   * Reads the places and starts reading the name index on another thread.
   *
   * @param source the file
   * @return the places and the name index to come (failing with an {@link UncheckedIOException} when its
   *     sections are corrupt)
   * @throws IOException when the file cannot be read, is not a gazetteer file of this version, or is
   *     truncated or corrupt
   */
  static Loaded read(InputStream source) throws IOException {
    byte[] file = readFully(source);
    Section[] sections = sections(file);
    CompletableFuture<NameIndex> names = CompletableFuture.supplyAsync(() -> {
      try {
        SectionReader keys = new SectionReader(inflate(file, sections[1]), "name keys");
        SectionReader postings = new SectionReader(inflate(file, sections[2]), "name places");
        KeyTable table = new KeyTable(keys.strings(), postings.offsets(), postings.ints());
        NameIndex index = new NameIndex(table, postings.ints(), postings.ints());
        keys.end();
        postings.end();
        return index;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (IllegalArgumentException e) {
        throw new UncheckedIOException(new IOException("gazetteer file is corrupt: " + e.getMessage(), e));
      }
    });
    try {
      SectionReader in = new SectionReader(inflate(file, sections[0]), "places");
      GazetteerData places = new GazetteerData(in.strings(), in.strings(), in.shorts(), in.strings(), in.strings(),
          new KeyTable(in.strings(), in.offsets(), in.ints()), in.ints(), in.ints(), in.ints(), in.ints(), in.shorts(),
          in.ints(), in.bytes(), in.strings());
      in.end();
      return new Loaded(places, names);
    } catch (IllegalArgumentException e) {
      throw new IOException("gazetteer file is corrupt: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the whole stream, into one array of the size the stream announces when it knows it (a jar entry, a
   * file), which spares copying chunks together.
   */
  private static byte[] readFully(InputStream source) throws IOException {
    byte[] head = new byte[Math.min(source.available(), MAX_SECTION_BYTES)];
    int got = source.readNBytes(head, 0, head.length);
    byte[] rest = source.readAllBytes();
    if (got == head.length && rest.length == 0) {
      return head;
    }
    byte[] file = Arrays.copyOf(head, got + rest.length);
    System.arraycopy(rest, 0, file, got, rest.length);
    return file;
  }

  private static Section[] sections(byte[] file) throws IOException {
    if (file.length < 4 || ByteBuffer.wrap(file).getInt() != MAGIC) {
      throw new IOException("not a gazetteer file of this version (expected format GZT3)");
    }
    if (file.length < HEADER_BYTES) {
      throw new IOException("gazetteer file is truncated: " + file.length + " bytes, shorter than its header");
    }
    ByteBuffer header = ByteBuffer.wrap(file, 4, HEADER_BYTES - 4);
    if (header.getInt() != SECTIONS) {
      throw new IOException("gazetteer file is corrupt: unexpected section count");
    }
    Section[] sections = new Section[SECTIONS];
    long offset = HEADER_BYTES;
    for (int i = 0; i < SECTIONS; i++) {
      int raw = header.getInt();
      int stored = header.getInt();
      if (raw < 0 || raw > MAX_SECTION_BYTES || stored < 0 || stored > MAX_SECTION_BYTES) {
        throw new IOException("gazetteer file is corrupt: implausible length of section " + i);
      }
      sections[i] = new Section((int) offset, stored, raw);
      offset += stored;
    }
    if (offset != file.length) {
      throw new IOException("gazetteer file is " + (offset > file.length ? "truncated" : "corrupt") + ": "
          + file.length + " bytes where its header announces " + offset);
    }
    return sections;
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
    byte[] buffer = new byte[1 << 16];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] file, Section section) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(file, section.offset(), section.storedLength());
      byte[] raw = new byte[section.rawLength()];
      int n = 0;
      while (n < raw.length) {
        int got = inflater.inflate(raw, n, raw.length - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        n++;
      }
      if (n != raw.length || !inflater.finished()) {
        throw new IOException("gazetteer file is corrupt: a section does not inflate to its announced "
            + raw.length + " bytes (truncated or damaged)");
      }
      return raw;
    } catch (DataFormatException e) {
      throw new IOException("gazetteer file is corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
