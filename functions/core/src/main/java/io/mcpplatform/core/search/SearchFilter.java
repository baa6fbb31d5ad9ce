package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The non-text part of a query, checked against each document's flags while scoring.
 *
 * <p>An explicit {@code healthStatus} wins over {@code includeUnhealthy}: asking for unhealthy entries
 * returns them.
 */
final class SearchFilter {

  private final int health;
  private final boolean excludeUnhealthy;
  private final int capabilityBit;
  private final List<String> tagKeys;

  private SearchFilter(int health, boolean excludeUnhealthy, int capabilityBit, List<String> tagKeys) {
    this.health = health;
    this.excludeUnhealthy = excludeUnhealthy;
    this.capabilityBit = capabilityBit;
    this.tagKeys = tagKeys;
  }

  /**
   * @param query the search
   * @return its filter
   * @throws ValidationException if the capability type or health status is not an accepted value
   */
  static SearchFilter of(SearchQuery query) {
    int health = -1;
    if (query.healthStatus() != null && !query.healthStatus().isBlank()) {
      try {
        health = DocumentTerms.healthCode(HealthStatus.fromWire(query.healthStatus().trim()));
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("healthStatus", "must be one of healthy, unhealthy, unknown, refused");
      }
    }
    int capabilityBit = 0;
    String type = query.capabilityType();
    if (type != null && !type.isBlank()) {
      String t = type.trim().toLowerCase(Locale.ROOT);
      if (t.equals(Capability.TOOL)) {
        capabilityBit = DocumentTerms.HAS_TOOL;
      } else if (t.equals(Capability.RESOURCE)) {
        capabilityBit = DocumentTerms.HAS_RESOURCE;
      } else {
        throw ValidationException.of("capabilityType", "must be tool or resource");
      }
    }
    List<String> tagKeys = query.tags().stream()
        .filter(t -> t != null && !t.isBlank())
        .map(DocumentTerms::tagKey)
        .distinct()
        .toList();
    return new SearchFilter(health, health < 0 && !query.includeUnhealthy(), capabilityBit, tagKeys);
  }

  /**
   * @param tagPostings documents by tag key
   * @param capacity document id bound
   * @return a bit set of the documents carrying any of the filter's tags, or null without a tag filter
   */
  long[] tagBits(Map<String, Postings> tagPostings, int capacity) {
    if (tagKeys.isEmpty()) {
      return null;
    }
    long[] bits = new long[(capacity + 63) >>> 6];
    for (String key : tagKeys) {
      Postings p = tagPostings.get(key);
      if (p != null) {
        int[] values = p.values();
        for (int i = 0, n = p.size(); i < n; i++) {
          int doc = Postings.doc(values[i]);
          bits[doc >>> 6] |= 1L << doc;
        }
      }
    }
    return bits;
  }

  /**
   * The flag part of {@link #passes} as a table, for loops over many documents: a document passes when
   * {@code table[flags & 0xFF] != 0} and it carries one of the filter's tags, if any.
   *
   * @return 256 entries, one per flags value
   */
  byte[] passingFlags() {
    byte[] table = new byte[256];
    for (int f = 0; f < table.length; f++) {
      table[f] = (byte) (passes((byte) f, 0, null) ? 1 : 0);
    }
    return table;
  }

  /**
   * @param flags the document's flags
   * @param doc the document id
   * @param tagBits the result of {@link #tagBits}
   * @return true when the document is live, not deleted and passes every filter
   */
  boolean passes(byte flags, int doc, long[] tagBits) {
    if ((flags & (DocumentTerms.LIVE | DocumentTerms.DELETED)) != DocumentTerms.LIVE) {
      return false;
    }
    int h = flags & DocumentTerms.HEALTH_MASK;
    if (health >= 0 ? h != health : excludeUnhealthy && h == DocumentTerms.UNHEALTHY_CODE) {
      return false;
    }
    if (capabilityBit != 0 && (flags & capabilityBit) == 0) {
      return false;
    }
    return tagBits == null || (tagBits[doc >>> 6] & (1L << doc)) != 0;
  }
}
