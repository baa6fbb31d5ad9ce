package io.mcpplatform.embedded.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of the store readable and writable by their owner only (0600 where the file system has
 * POSIX permissions): the registry's data (entries, versions, the audit log with callers'
 * addresses) is nobody else's business on a shared machine. Files made before are tightened when
 * opened.
 */
final class PrivateFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  /** Opens (creating 0600) a file; an existing file is set to 0600. */
  static FileChannel open(Path file, OpenOption... options) throws IOException {
    tighten(file);
    return FileChannel.open(file, Set.of(options), attributes());
  }

  /** Writes a whole file, created 0600 (replacing an existing one). */
  static void writeString(Path file, CharSequence text) throws IOException {
    try (FileChannel out =
        open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  /** Sets an existing file to 0600; nothing when it does not exist or permissions are not POSIX. */
  static void tighten(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static FileAttribute<?>[] attributes() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }
}
