package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The non-text part of a query: as Lucene filters over the entry and vector documents, and as a
 * check of one entry.
 *
 * <p>An explicit {@code healthStatus} wins over {@code includeUnhealthy}: asking for unhealthy
 * entries returns them. Deleted entries never pass.
 */
final class SearchFilter {

  private final HealthStatus health;
  private final boolean excludeUnhealthy;
  private final String capabilityType;
  private final List<String> tagKeys;

  private SearchFilter(
      HealthStatus health, boolean excludeUnhealthy, String capabilityType, List<String> tagKeys) {
    this.health = health;
    this.excludeUnhealthy = excludeUnhealthy;
    this.capabilityType = capabilityType;
    this.tagKeys = tagKeys;
  }

  /**
   * @param query the search
   * @return its filter
   * @throws ValidationException if the capability type or health status is not an accepted value
   */
  static SearchFilter of(SearchQuery query) {
    HealthStatus health = null;
    if (query.healthStatus() != null && !query.healthStatus().isBlank()) {
      try {
        health = HealthStatus.fromWire(query.healthStatus().trim());
      } catch (IllegalArgumentException e) {
        throw ValidationException.of(
            "healthStatus", "must be one of healthy, unhealthy, unknown, refused");
      }
    }
    String type = null;
    if (query.capabilityType() != null && !query.capabilityType().isBlank()) {
      type = query.capabilityType().trim().toLowerCase(Locale.ROOT);
      if (!type.equals(Capability.TOOL) && !type.equals(Capability.RESOURCE)) {
        throw ValidationException.of("capabilityType", "must be tool or resource");
      }
    }
    List<String> tagKeys =
        query.tags().stream()
            .filter(t -> t != null && !t.isBlank())
            .map(SearchFilter::tagKey)
            .distinct()
            .toList();
    return new SearchFilter(health, health == null && !query.includeUnhealthy(), type, tagKeys);
  }

  static String tagKey(String tag) {
    return tag.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the filter over entry documents, every filter applied
   */
  Query entries() {
    BooleanQuery.Builder b = registrationFilters();
    if (health != null) {
      b.add(new TermQuery(new Term(EntryDocuments.HEALTH, health.wire())), Occur.FILTER);
    } else if (excludeUnhealthy) {
      b.add(
          new TermQuery(new Term(EntryDocuments.HEALTH, HealthStatus.UNHEALTHY.wire())),
          Occur.MUST_NOT);
    }
    return b.build();
  }

  /**
   * @return whether tags or a capability type are filtered
   */
  boolean filtersRegistration() {
    return capabilityType != null || !tagKeys.isEmpty();
  }

  /**
   * @param entryTagKeys an entry's tags as {@link #tagKey}s
   * @param entryTypes the capability types the entry has
   * @return true when they pass the tag and capability-type filters
   */
  boolean passesRegistration(Set<String> entryTagKeys, Set<String> entryTypes) {
    if (capabilityType != null && !entryTypes.contains(capabilityType)) {
      return false;
    }
    if (tagKeys.isEmpty()) {
      return true;
    }
    for (String tag : tagKeys) {
      if (entryTagKeys.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A 64-bit summary of an entry's tags and capability types: one bit per tag (its hash), and one
   * each for the two capability types. An entry that has a tag has its bit; an entry with the bit
   * may still lack the tag.
   *
   * @param entryTagKeys the entry's tags as {@link #tagKey}s
   * @param entryTypes its capability types
   * @return the summary
   */
  static long signature(Set<String> entryTagKeys, Set<String> entryTypes) {
    long sig = 0;
    for (String tag : entryTagKeys) {
      sig |= tagBit(tag);
    }
    for (String type : entryTypes) {
      sig |= typeBit(type);
    }
    return sig;
  }

  private static long tagBit(String tagKey) {
    return 1L << Math.floorMod(tagKey.hashCode(), 62);
  }

  private static long typeBit(String type) {
    return Capability.RESOURCE.equals(type) ? 1L << 63 : 1L << 62;
  }

  /**
   * @return the signature bits of which an entry's {@link #signature} must have at least one: its
   *     tags, 0 when tags are not filtered
   */
  long signatureMask() {
    long mask = 0;
    for (String tag : tagKeys) {
      mask |= tagBit(tag);
    }
    return mask;
  }

  /**
   * @return the signature bits an entry's {@link #signature} must all have: the capability type's
   */
  long requiredSignature() {
    return capabilityType == null ? 0 : typeBit(capabilityType);
  }

  /**
   * @return for each {@link HealthStatus#ordinal()}, whether an entry of that health passes
   */
  boolean[] healthPasses() {
    HealthStatus[] all = HealthStatus.values();
    boolean[] passes = new boolean[all.length];
    for (HealthStatus h : all) {
      passes[h.ordinal()] = passes(LifecycleStatus.ACTIVE, h);
    }
    return passes;
  }

  private BooleanQuery.Builder registrationFilters() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(EntryDocuments.KIND, EntryDocuments.KIND_ENTRY)), Occur.FILTER);
    if (capabilityType != null) {
      b.add(new TermQuery(new Term(EntryDocuments.CAPABILITY, capabilityType)), Occur.FILTER);
    }
    if (!tagKeys.isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String tag : tagKeys) {
        any.add(new TermQuery(new Term(EntryDocuments.TAG, tag)), Occur.SHOULD);
      }
      b.add(any.build(), Occur.FILTER);
    }
    return b;
  }

  /**
   * @param status an entry's lifecycle status
   * @param h its health
   * @return true when an entry of that status and health passes the health filter and is not
   *     deleted
   */
  boolean passes(LifecycleStatus status, HealthStatus h) {
    return status != LifecycleStatus.DELETED
        && (health != null ? h == health : !excludeUnhealthy || h != HealthStatus.UNHEALTHY);
  }

  /**
   * @param entry an entry
   * @return true when it is not deleted and passes every filter
   */
  boolean passes(ServerEntry entry) {
    if (!passes(entry.status(), entry.health().status())) {
      return false;
    }
    if (capabilityType != null
        && EntryDocuments.capabilityTypes(entry).stream().noneMatch(capabilityType::equals)) {
      return false;
    }
    return tagKeys.isEmpty()
        || entry.tags().stream().map(SearchFilter::tagKey).anyMatch(tagKeys::contains);
  }
}
