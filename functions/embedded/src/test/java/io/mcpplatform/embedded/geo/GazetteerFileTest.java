package io.mcpplatform.embedded.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mcpplatform.core.geo.GeocoderUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GazetteerFileTest {

  private static Gazetteer load(byte[] file) throws IOException {
    return Gazetteer.load(new ByteArrayInputStream(file));
  }

  @Test
  void load_truncatedFile_failsSayingItIsTruncated() throws IOException {
    byte[] file = GazetteerBuilderTest.smallFile();
    for (int length : new int[] {0, 3, 10, 40, file.length / 2, file.length - 1}) {
      assertThatThrownBy(() -> load(Arrays.copyOf(file, length)))
          .as("first %d bytes", length)
          .isInstanceOf(IOException.class)
          .hasMessageMatching(
              "(gazetteer file is truncated|not a gazetteer file of this version).*");
    }
  }

  @Test
  void load_shippedFileCutShort_failsSayingItIsTruncated() throws IOException {
    byte[] file;
    try (InputStream in = OfflineGeocoder.class.getResourceAsStream(OfflineGeocoder.RESOURCE)) {
      file = in.readAllBytes();
    }
    assertThatThrownBy(() -> load(Arrays.copyOf(file, file.length - 1000)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("gazetteer file is truncated");
  }

  @Test
  void load_anyDamagedByte_failsWithAnIoExceptionSayingTheFileIsDamaged() throws IOException {
    byte[] file = GazetteerBuilderTest.smallFile();
    for (int i = 0; i < file.length; i++) {
      byte[] damaged = file.clone();
      damaged[i] ^= (byte) 0xFF;
      Throwable thrown = catchThrowable(() -> load(damaged));
      assertThat(thrown)
          .as("byte %d of %d damaged", i, file.length)
          .isInstanceOf(IOException.class);
      assertThat(thrown.getMessage())
          .as("byte %d", i)
          .matches(
              "(gazetteer file is (corrupt|truncated)|not a gazetteer file of this version).*");
    }
  }

  @Test
  void load_damagedSectionInflatedOnTheOtherThread_failsWithTheSameError() throws IOException {
    byte[] file = GazetteerBuilderTest.smallFile();
    int namePlacesStart = 32 + ByteBuffer.wrap(file).getInt(12);
    byte[] damaged = file.clone();
    damaged[namePlacesStart + 5] ^= 0x55;
    assertThatThrownBy(() -> load(damaged))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("gazetteer file is corrupt");
  }

  @Test
  void load_bytesAfterTheLastSection_failsSayingTheFileIsCorrupt() throws IOException {
    byte[] file = GazetteerBuilderTest.smallFile();
    assertThatThrownBy(() -> load(Arrays.copyOf(file, file.length + 1)))
        .isInstanceOf(IOException.class)
        .hasMessage("gazetteer file is corrupt: bytes follow its last section");
  }

  @Test
  void load_fileOfThePreviousFormat_saysItIsNotOfThisVersion() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[] {0x47, 0x5A, 0x54, 0x32, 0, 0, 0, 0});
    }
    assertThatThrownBy(() -> load(new byte[] {0x47, 0x5A, 0x54, 0x32, 0, 0, 0, 1, 0}))
        .hasMessage("not a gazetteer file of this version (expected format GZT3)");
    assertThatThrownBy(() -> load(gz.toByteArray()))
        .hasMessage("not a gazetteer file of this version (expected format GZT3)");
  }

  @Test
  void geocoder_overADamagedFile_answersUnavailableWithoutDetail() throws IOException {
    byte[] file = GazetteerBuilderTest.smallFile();
    OfflineGeocoder geocoder =
        new OfflineGeocoder(() -> new ByteArrayInputStream(Arrays.copyOf(file, 50)));
    assertThatThrownBy(geocoder::load)
        .isInstanceOf(GeocoderUnavailableException.class)
        .hasMessage(
            "The offline gazetteer could not be loaded; the maps server's package is incomplete.")
        .hasRootCauseMessage(
            "gazetteer file is truncated: 50 bytes where its header announces " + file.length);
  }
}
