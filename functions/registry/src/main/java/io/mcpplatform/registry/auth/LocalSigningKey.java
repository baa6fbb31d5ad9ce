package io.mcpplatform.registry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The local system's signing keys: 32 random bytes each, base64url, in {@value #FILE_NAME}
 * (current) and {@value #PREVIOUS_FILE_NAME} (the one {@link #rotate} replaced) in the registry's
 * data directory, owner-only where the file system has POSIX permissions. The current key is
 * created on first use. Each use checks whether the files were replaced (two {@code stat} calls),
 * so a running registry follows a rotation at once. Whoever can read the files can issue tokens:
 * the data directory is the local system's trust boundary.
 */
public final class LocalSigningKey implements SigningKeyProvider {

  /** The current key's file name inside the registry data directory. */
  public static final String FILE_NAME = "signing.key";

  /** The previous key's file name inside the registry data directory. */
  public static final String PREVIOUS_FILE_NAME = "signing.previous.key";

  private record Held(Object currentStamp, Object previousStamp, SigningKeys keys) {}

  private final Path dir;
  private volatile Held held;

  private LocalSigningKey(Path dir, Held held) {
    this.dir = dir;
    this.held = held;
  }

  /**
   * Reads the keys in a directory, creating the current one first when there is none.
   *
   * @param dir the registry data directory
   * @return the keys' provider
   * @throws UncheckedIOException when a file cannot be read or written
   * @throws IllegalStateException when a file holds no usable key
   */
  public static LocalSigningKey loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        write(dir, file, random());
      }
      return new LocalSigningKey(dir, read(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or create the signing key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rotates the keys in a directory: the current key becomes the previous one (the key before it is
   * dropped, and tokens signed with it stop verifying) and a new random key becomes current. Each
   * file is replaced atomically, so a registry reading them meanwhile always finds a current key.
   *
   * @param dir the registry data directory
   * @return the keys after the rotation
   * @throws UncheckedIOException when a file cannot be read or written
   * @throws IllegalStateException when the current file holds no usable key
   */
  public static SigningKeys rotate(Path dir) {
    String before = loadOrCreate(dir).keys().current().id();
    try {
      String currentText =
          Files.readString(dir.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip();
      write(dir, dir.resolve(PREVIOUS_FILE_NAME), currentText);
      write(dir, dir.resolve(FILE_NAME), random());
      SigningKeys after = read(dir).keys();
      if (!after.previous().id().equals(before)) {
        throw new IllegalStateException(
            "The signing key in " + dir + " changed during the rotation; run it again");
      }
      return after;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot rotate the signing key in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SigningKeys keys() {
    Held current = held;
    try {
      if (Objects.equals(stamp(dir.resolve(FILE_NAME)), current.currentStamp())
          && Objects.equals(stamp(dir.resolve(PREVIOUS_FILE_NAME)), current.previousStamp())) {
        return current.keys();
      }
      synchronized (this) {
        held = read(dir);
        return held.keys();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the signing key in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Held read(Path dir) throws IOException {
    Path currentFile = dir.resolve(FILE_NAME);
    Path previousFile = dir.resolve(PREVIOUS_FILE_NAME);
    Object currentStamp = stamp(currentFile);
    Object previousStamp = stamp(previousFile);
    SigningKey current =
        parse(currentFile, Files.readString(currentFile, StandardCharsets.US_ASCII));
    SigningKey previous = null;
    if (previousStamp != null) {
      try {
        previous = parse(previousFile, Files.readString(previousFile, StandardCharsets.US_ASCII));
      } catch (NoSuchFileException e) {
        previous = null;
      }
    }
    return new Held(currentStamp, previousStamp, new SigningKeys(current, previous));
  }

  private static SigningKey parse(Path file, String text) {
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The signing key file "
              + file
              + " is damaged; delete it to make a new"
              + " key (tokens issued before stop working)");
    }
    if (key.length < SigningKey.MIN_BYTES) {
      throw new IllegalStateException(
          "The signing key in " + file + " is shorter than " + SigningKey.MIN_BYTES + " bytes");
    }
    return new SigningKey(key);
  }

  /**
   * @return what changes whenever the file is replaced: its inode (every write renames a new file
   *     in) and time
   */
  private static Object stamp(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime());
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String random() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static void write(Path dir, Path file, String text) throws IOException {
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "signing", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own protection applies
      }
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      if (file.getFileName().toString().equals(FILE_NAME) && !Files.exists(file)) {
        createOnce(temp, file);
      } else {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void createOnce(Path temp, Path file) throws IOException {
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      // another process made the key first: use theirs
    } catch (UnsupportedOperationException e) {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
