package io.mcpplatform.registry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local system's signing key: 32 random bytes, base64url, in {@value #FILE_NAME} in the registry's data
 * directory, created on first use (owner-only where the file system has POSIX permissions). Whoever can
 * read the file can issue tokens: the data directory is the local system's trust boundary.
 */
public final class LocalSigningKey implements SigningKeyProvider {

  /** The key file's name inside the registry data directory. */
  public static final String FILE_NAME = "signing.key";

  private final byte[] key;

  private LocalSigningKey(byte[] key) {
    this.key = key;
  }

  /**
   * Reads the key in a directory, creating it first when there is none.
   *
   * @param dir the registry data directory
   * @return the key
   * @throws UncheckedIOException when the file cannot be read or written
   * @throws IllegalStateException when the file holds no usable key
   */
  public static LocalSigningKey loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(dir, file);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] key;
      try {
        key = Base64.getUrlDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("The signing key file " + file + " is damaged; delete it to make a new"
            + " key (tokens issued before stop working)");
      }
      if (key.length < 32) {
        throw new IllegalStateException("The signing key in " + file + " is shorter than 32 bytes");
      }
      return new LocalSigningKey(key);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the signing key " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path dir, Path file) throws IOException {
    Files.createDirectories(dir);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    Path temp = Files.createTempFile(dir, "signing", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own protection applies
      }
      Files.writeString(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
          StandardCharsets.US_ASCII);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // another process made the key first: use theirs
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public byte[] key() {
    return key;
  }
}
