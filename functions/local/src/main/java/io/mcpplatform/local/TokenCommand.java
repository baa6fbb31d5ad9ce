package io.mcpplatform.local;

import io.mcpplatform.core.access.Permission;
import io.mcpplatform.registry.auth.LocalSigningKey;
import io.mcpplatform.registry.auth.SigningKeys;
import io.mcpplatform.registry.auth.TokenService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./run-local token --namespace PATTERN [--data-dir DIR] [--ttl MINUTES] [--subject NAME]}:
 * prints a bearer token for the local registry on its last line, signed with the key in the data
 * directory (made on first use, shared with the running local system). {@code ./run-local token
 * --rotate-key [--data-dir DIR]} rotates that key: the current key becomes the previous one, a new
 * one becomes current.
 */
final class TokenCommand {

  static final String USAGE =
      """
      Usage: ./run-local token --namespace PATTERN [--data-dir DIR] [--ttl MINUTES] [--subject NAME]
             ./run-local token --rotate-key [--data-dir DIR]
          Print a bearer token for writes to the local registry (register_server, POST /v0.1/publish,
          PATCH .../status). PATTERN: 'com.example/*' (a namespace), a server name, or '*' (admin: every
          name, seed-style names without a namespace included; also reads the audit log). Repeat
          --namespace for several. Defaults: --ttl 15 (at most 1440), --data-dir .local/data.
          --rotate-key: the current signing key becomes the previous one and a new key signs from now on;
          tokens signed with the previous key keep working, those of the key before it stop (a running
          local system picks the change up by itself).
      """;

  private TokenCommand() {}

  /**
   * @param args the arguments after {@code token}
   * @param home the project folder, for the default data directory
   * @return the exit code
   */
  static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
    List<Permission> permissions = new ArrayList<>();
    Path dataDir = home.resolve(".local").resolve("data");
    long ttlMinutes = TokenService.DEFAULT_TTL.toMinutes();
    String subject = "local-" + System.getProperty("user.name", "user");
    boolean rotate = false;
    try {
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("-h") || arg.equals("--help")) {
          out.print(USAGE);
          return 0;
        }
        if (arg.equals("--rotate-key")) {
          rotate = true;
          continue;
        }
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(
              arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
        }
        String value = args.get(++i);
        switch (arg) {
          case "--namespace" -> permissions.addAll(Permission.publishAndEdit(value));
          case "--data-dir" -> dataDir = Path.of(value);
          case "--subject" -> subject = value;
          case "--ttl" -> ttlMinutes = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (rotate && !permissions.isEmpty()) {
        throw new IllegalArgumentException(
            "--rotate-key takes no --namespace; ask for a token after rotating");
      }
      if (permissions.isEmpty() && !rotate) {
        throw new IllegalArgumentException(
            "--namespace is required, e.g. --namespace 'com.example/*'");
      }
      if (ttlMinutes < 1 || ttlMinutes > TokenService.MAX_TTL.toMinutes()) {
        throw new IllegalArgumentException(
            "--ttl must be 1 to " + TokenService.MAX_TTL.toMinutes() + " minutes");
      }
    } catch (NumberFormatException e) {
      err.println("run-local token: --ttl must be a whole number of minutes");
      err.print(USAGE);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("run-local token: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    Path registryDir = dataDir.toAbsolutePath().normalize().resolve("registry");
    if (rotate) {
      SigningKeys keys = LocalSigningKey.rotate(registryDir);
      out.println(
          "Rotated the signing key in "
              + registryDir
              + ": new key "
              + keys.current().id()
              + " signs, "
              + keys.previous().id()
              + " still verifies, older keys no longer do");
      return 0;
    }
    TokenService tokens =
        new TokenService(LocalSigningKey.loadOrCreate(registryDir), Clock.systemUTC());
    String token = tokens.issue(subject, permissions, Duration.ofMinutes(ttlMinutes));
    err.println(
        "Token for '"
            + subject
            + "' on "
            + permissions.stream().map(Permission::resource).distinct().toList()
            + ", valid "
            + ttlMinutes
            + " min, key "
            + registryDir.resolve(LocalSigningKey.FILE_NAME)
            + "; send it as 'Authorization: Bearer <token>' (./mcp: MCP_REGISTRY_TOKEN):");
    out.println(token);
    return 0;
  }
}
