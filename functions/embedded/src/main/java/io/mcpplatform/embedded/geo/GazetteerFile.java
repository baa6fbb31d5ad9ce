package io.mcpplatform.embedded.geo;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Reads and writes the gazetteer's binary file, format "GZT3": a header (magic, section count, then
 * each section's inflated and stored length), then zlib-compressed sections of little-endian
 * arrays, each preceded by its length (ascending offsets are stored as one-byte steps). Everything
 * a lookup needs is precomputed by the builder (the k-d tree order, the sorted name keys with their
 * places, the prefix order, the region names), so reading is a few bulk copies into primitive
 * arrays and names are decoded only when a result needs one. Sections are inflated on two threads
 * (see {@link #read}); zlib's Adler-32 check and the length checks turn a corrupt or truncated file
 * into an {@link IOException} that says so.
 */
final class GazetteerFile {

  private static final int MAGIC = 0x475A5433; // "GZT3"
  private static final int SECTIONS = 3;
  private static final int HEADER_BYTES = 8 + 8 * SECTIONS;
  private static final int MAX_SECTION_BYTES = 64 << 20;

  /** Everything the file holds. */
  record Contents(GazetteerData places, NameIndex names) {}

  /** What reading gives: the file's contents and the k-d tree over the places. */
  record Loaded(GazetteerData places, SphereKdTree tree, NameIndex names) {}

  private record Section(int offset, int storedLength, int rawLength) {}

  private GazetteerFile() {}

  /**
   * @param contents what to write
   * @param target where to write it
   * @throws IOException when the target cannot be written
   */
  static void write(Contents contents, OutputStream target) throws IOException {
    byte[][] raw = {
      placesSection(contents.places()),
      postingsSection(contents.names()),
      keysSection(contents.names())
    };
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
   * Reads the file, in a pipeline over two threads: while this thread reads the stream (inflating a
   * jar entry is work too), another inflates the places and lays out the k-d tree, then the name
   * places; this thread then inflates the name keys.
   *
   * @param source the file
   * @return everything a lookup needs
   * @throws IOException when the file cannot be read, is not a gazetteer file of this version, or
   *     is truncated or corrupt
   */
  static Loaded read(InputStream source) throws IOException {
    Section[] sections = sections(source);
    byte[] placesBytes = stored(source, sections, 0);
    CompletableFuture<Loaded> places =
        CompletableFuture.supplyAsync(
            () ->
                unchecked(
                    () -> {
                      SectionReader in =
                          new SectionReader(inflate(placesBytes, sections[0]), "places");
                      GazetteerData data =
                          new GazetteerData(
                              in.strings(),
                              in.strings(),
                              in.shorts(),
                              in.strings(),
                              in.strings(),
                              new KeyTable(in.strings(), in.offsets(), in.ints()),
                              in.ints(),
                              in.ints(),
                              in.ints(),
                              in.ints(),
                              in.shorts(),
                              in.ints(),
                              in.bytes(),
                              in.strings());
                      in.end();
                      return new Loaded(
                          data, SphereKdTree.fromE5(data.latE5(), data.lonE5()), null);
                    }));
    byte[] postingsBytes = stored(source, sections, 1);
    // runs on the other thread once the places are done (or here, should they already be)
    CompletableFuture<SectionReader> postings =
        places.thenApply(
            done ->
                unchecked(
                    () -> new SectionReader(inflate(postingsBytes, sections[1]), "name places")));
    byte[] keysBytes = stored(source, sections, 2);
    if (source.read() >= 0) {
      throw new IOException("gazetteer file is corrupt: bytes follow its last section");
    }
    try {
      SectionReader keys = new SectionReader(inflate(keysBytes, sections[2]), "name keys");
      Utf8Table keyTable = keys.strings();
      keys.end();
      SectionReader in = postings.join();
      NameIndex names =
          new NameIndex(new KeyTable(keyTable, in.offsets(), in.ints()), in.ints(), in.ints());
      in.end();
      Loaded loaded = places.join();
      return new Loaded(loaded.places(), loaded.tree(), names);
    } catch (IllegalArgumentException e) {
      throw new IOException("gazetteer file is corrupt: " + e.getMessage(), e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /** Reading work that may fail with an {@link IOException}, for running on another thread. */
  private interface Step<T> {
    T run() throws IOException;
  }

  private static <T> T unchecked(Step<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(
          new IOException("gazetteer file is corrupt: " + e.getMessage(), e));
    }
  }

  private static Section[] sections(InputStream source) throws IOException {
    byte[] file = source.readNBytes(HEADER_BYTES);
    if (file.length < 4 || ByteBuffer.wrap(file).getInt() != MAGIC) {
      throw new IOException("not a gazetteer file of this version (expected format GZT3)");
    }
    if (file.length < HEADER_BYTES) {
      throw new IOException(
          "gazetteer file is truncated: " + file.length + " bytes, shorter than its header");
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
    return sections;
  }

  /**
   * @return the stored (compressed) bytes of a section, read from the stream into an array of their
   *     size
   */
  private static byte[] stored(InputStream source, Section[] sections, int i) throws IOException {
    byte[] bytes = new byte[sections[i].storedLength()];
    int got = source.readNBytes(bytes, 0, bytes.length);
    if (got < bytes.length) {
      Section last = sections[SECTIONS - 1];
      throw new IOException(
          "gazetteer file is truncated: "
              + (sections[i].offset() + got)
              + " bytes where its header announces "
              + (last.offset() + last.storedLength()));
    }
    return bytes;
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

  private static byte[] inflate(byte[] stored, Section section) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(stored);
      byte[] raw = new byte[section.rawLength()];
      int n = 0;
      while (n < raw.length) {
        int got = inflater.inflate(raw, n, raw.length - n);
        if (got == 0
            && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        n++;
      }
      if (n != raw.length || !inflater.finished()) {
        throw new IOException(
            "gazetteer file is corrupt: a section does not inflate to its announced "
                + raw.length
                + " bytes (truncated or damaged)");
      }
      return raw;
    } catch (DataFormatException e) {
      throw new IOException("gazetteer file is corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
