package io.mcpplatform.client.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Names tools for the model: {@code server__tool} (the seed's {@code server:tool}, since a colon is
 * not allowed), mapped to the characters LLM APIs accept, {@code ^[a-zA-Z0-9_-]{1,64}$}. Long names
 * are shortened with a hash of the full name; clashes get a numeric suffix.
 */
public final class ToolNames {

  /** What Anthropic and OpenAI accept as a tool name (a regular expression). */
  public static final String ALLOWED = "^[a-zA-Z0-9_-]{1,64}$";

  static final String SEPARATOR = "__";
  private static final int MAX = 64;

  private ToolNames() {}

  /**
   * @param server the server's catalog name, such as {@code com.example/maps}
   * @param tool the tool's own name
   * @param taken names already given out in this request
   * @return a name matching {@link #ALLOWED}, not in {@code taken}
   */
  public static String exposed(String server, String tool, Set<String> taken) {
    String name = clean(server) + SEPARATOR + clean(tool);
    if (name.length() > MAX) {
      name = name.substring(0, MAX - 9) + "_" + hash(server + "\n" + tool);
    }
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      String suffix = "_" + i;
      candidate = name.substring(0, Math.min(name.length(), MAX - suffix.length())) + suffix;
    }
    return candidate;
  }

  /** Every character (code point) outside {@code [a-zA-Z0-9_-]} becomes {@code _}. */
  private static String clean(String raw) {
    if (raw.isEmpty()) {
      return "_";
    }
    StringBuilder cleaned = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      boolean allowed =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '_'
              || c == '-';
      cleaned.append(allowed ? (char) c : '_');
    }
    return cleaned.toString();
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
