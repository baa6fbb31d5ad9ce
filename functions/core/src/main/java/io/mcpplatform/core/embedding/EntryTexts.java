package io.mcpplatform.core.embedding;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.ServerEntry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The texts of an entry that are embedded: the entry's own (name split into words, title,
 * description, tags) and one per tool (name split into words and description), declared or
 * discovered; a discovered tool's text wins over a declared tool of the same name, since a probe
 * saw what the server really offers.
 */
public final class EntryTexts {

  /** Source of the entry's own text. */
  public static final String ENTRY = "entry";

  /** Prefix of a tool's source, followed by the tool's name. */
  public static final String TOOL = "tool:";

  private static final Pattern SEPARATORS = Pattern.compile("[-_./]+");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private EntryTexts() {}

  /**
   * @param entry an entry
   * @return its texts by source, the entry's own first
   */
  public static Map<String, String> of(ServerEntry entry) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(ENTRY, entryText(entry));
    for (Capability c : entry.capabilities()) {
      putTool(texts, c);
    }
    for (Capability c : entry.discoveredCapabilities()) {
      putTool(texts, c);
    }
    return texts;
  }

  private static void putTool(Map<String, String> texts, Capability c) {
    if (!Capability.TOOL.equalsIgnoreCase(c.type()) || c.name() == null || c.name().isBlank()) {
      return;
    }
    String words = words(c.name());
    String text =
        c.description() == null || c.description().isBlank()
            ? words
            : words + ": " + c.description().strip();
    texts.put(TOOL + c.name(), text);
  }

  private static String entryText(ServerEntry e) {
    // the name's last part: a namespace (io.github.someone) says who publishes, not what the server
    // does
    StringBuilder text =
        new StringBuilder(words(e.name().substring(e.name().lastIndexOf('/') + 1)));
    String title = e.title().strip();
    if (!title.isEmpty() && !words(title).equalsIgnoreCase(text.toString())) {
      text.append(". ").append(title);
    }
    if (e.description() != null && !e.description().isBlank()) {
      text.append(". ").append(e.description().strip());
    }
    if (!e.tags().isEmpty()) {
      text.append(". ").append(String.join(", ", e.tags()));
    }
    return text.toString();
  }

  /**
   * Splits an identifier into words: on {@code - _ . /} and between a lower-case letter or digit
   * and an upper-case letter ({@code getLocation}, {@code io.github.acme/geo-coder}).
   *
   * @param identifier a name
   * @return its words, separated by single spaces
   */
  public static String words(String identifier) {
    String spaced = CAMEL.matcher(SEPARATORS.matcher(identifier).replaceAll(" ")).replaceAll(" ");
    return SPACES.matcher(spaced).replaceAll(" ").strip();
  }

  /**
   * @param text a text
   * @return a short fingerprint of it, to tell whether a stored vector is still the text's
   */
  public static String hash(String text) {
    long h = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return Long.toHexString(h ^ text.length()).toLowerCase(Locale.ROOT);
  }
}
