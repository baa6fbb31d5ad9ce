package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one entry contributes to the index: term frequencies per field group, field lengths, filter flags
 * and tag keys. Field groups: 0 = name and title, 1 = tags and capability names, 2 = description and
 * capability descriptions.
 */
final class DocumentTerms {

  static final int FIELDS = 3;

  static final int HEALTH_MASK = 0b11;
  static final int UNHEALTHY_CODE = 1;
  static final int DELETED = 1 << 2;
  static final int HAS_TOOL = 1 << 3;
  static final int HAS_RESOURCE = 1 << 4;
  static final int LIVE = 1 << 5;

  private final Map<String, int[]> frequencies = new HashMap<>();
  private final int[] lengths = new int[FIELDS];
  private final Set<String> tagKeys = new LinkedHashSet<>();
  private final byte flags;

  private DocumentTerms(ServerEntry entry) {
    int f = LIVE | healthCode(entry.health().status());
    for (Capability c : capabilities(entry)) {
      if (Capability.TOOL.equalsIgnoreCase(c.type())) {
        f |= HAS_TOOL;
      } else if (Capability.RESOURCE.equalsIgnoreCase(c.type())) {
        f |= HAS_RESOURCE;
      }
    }
    if (entry.status() == LifecycleStatus.DELETED) {
      f |= DELETED;
    } else {
      analyze(entry);
    }
    flags = (byte) f;
  }

  /**
   * @param entry the entry to analyze; a deleted entry gets flags only
   * @return the entry's terms
   */
  static DocumentTerms of(ServerEntry entry) {
    return new DocumentTerms(entry);
  }

  static int healthCode(HealthStatus status) {
    return switch (status) {
      case HEALTHY -> 0;
      case UNHEALTHY -> UNHEALTHY_CODE;
      case UNKNOWN -> 2;
      case REFUSED -> 3;
    };
  }

  /** @return the key a tag is filtered by: lower case, trimmed */
  static String tagKey(String tag) {
    return tag.trim().toLowerCase(Locale.ROOT);
  }

  Map<String, int[]> frequencies() {
    return frequencies;
  }

  int length(int field) {
    return lengths[field];
  }

  Set<String> tagKeys() {
    return tagKeys;
  }

  byte flags() {
    return flags;
  }

  boolean deleted() {
    return (flags & DELETED) != 0;
  }

  private void analyze(ServerEntry entry) {
    lengths[0] += Tokenizer.identifier(entry.name(), t -> count(t, 0));
    lengths[0] += Tokenizer.words(entry.title(), t -> count(t, 0));
    for (String tag : entry.tags()) {
      lengths[1] += Tokenizer.identifier(tag, t -> count(t, 1));
      tagKeys.add(tagKey(tag));
    }
    lengths[2] += Tokenizer.words(entry.description(), t -> count(t, 2));
    for (Capability c : capabilities(entry)) {
      lengths[1] += Tokenizer.identifier(c.name(), t -> count(t, 1));
      lengths[2] += Tokenizer.words(c.description(), t -> count(t, 2));
    }
  }

  private void count(String term, int field) {
    frequencies.computeIfAbsent(term, k -> new int[FIELDS])[field]++;
  }

  /** Declared and discovered capabilities, each distinct one once. */
  private static Set<Capability> capabilities(ServerEntry entry) {
    Set<Capability> all = new LinkedHashSet<>(entry.capabilities());
    all.addAll(entry.discoveredCapabilities());
    return all;
  }
}
