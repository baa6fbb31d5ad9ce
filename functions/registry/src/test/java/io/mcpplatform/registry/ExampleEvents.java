package io.mcpplatform.registry;

import io.mcpplatform.core.access.Permission;
import io.mcpplatform.core.testing.EventFiles;
import io.mcpplatform.registry.auth.SigningKeyProvider;
import io.mcpplatform.registry.auth.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The registry's event files with their example bearer token made current: a token with a fixed
 * expiry cannot stay valid under the registry's lifetime cap, so the tests swap the token in the
 * files for one minted now with the same example key, subject and permissions.
 */
final class ExampleEvents {

  /**
   * The key the tokens in {@code events/registry/} are signed with (an example key, valid only for
   * these events): the file the local system would hold in its data directory.
   */
  static final String KEY_FILE = "ZXZlbnRzLWV4YW1wbGUtc2lnbmluZy1rZXktZG8tbm90LXVzZS0wMTIz";

  private ExampleEvents() {}

  /**
   * @return a token like the example one, signed with the example key, valid for 15 minutes from
   *     now
   */
  static String freshToken() {
    return new TokenService(
            SigningKeyProvider.fixed(Base64.getUrlDecoder().decode(KEY_FILE)), Clock.systemUTC())
        .issue("events-example", Permission.publishAndEdit("*"), Duration.ofMinutes(15));
  }

  /**
   * @param event an event's bytes
   * @param token the bearer token to put in place of the one it carries
   * @return the event with the token swapped, in {@code headers} and {@code multiValueHeaders}
   *     alike
   */
  static byte[] withToken(byte[] event, String token) {
    return new String(event, StandardCharsets.UTF_8)
        .replaceAll("Bearer [A-Za-z0-9_.-]+", "Bearer " + token)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param name a file in {@code events/registry/}
   * @return its bytes, any example token replaced by a fresh one
   */
  static byte[] read(String name) {
    return withToken(EventFiles.read("registry", name), freshToken());
  }

  /**
   * @param dir an empty directory
   * @return the directory, now holding every registry event file with its token made fresh
   * @throws IOException when a file cannot be written
   */
  static Path copyFresh(Path dir) throws IOException {
    for (String name : EventFiles.names("registry")) {
      Files.write(dir.resolve(name), read(name));
    }
    return dir;
  }
}
