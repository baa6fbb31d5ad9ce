package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.catalog.ValidationException;
import java.util.List;
import java.util.Locale;
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
    BooleanQuery.Builder b = registrationFilters(EntryDocuments.KIND_ENTRY);
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
   * @return the filter over vector documents: the registration's filters only (tags, capability
   *     type), or null when there are none (only vector documents have vectors, and an unfiltered
   *     HNSW search skips building a bit set of the index per query); health changes often and is
   *     checked on the candidates with {@link #passes}, so a health change never rebuilds vectors
   */
  Query vectors() {
    if (capabilityType == null && tagKeys.isEmpty()) {
      return null;
    }
    return registrationFilters(EntryDocuments.KIND_VECTOR).build();
  }

  /**
   * @return whether health is filtered, so that vector candidates must be checked with {@link
   *     #passes}
   */
  boolean filtersHealth() {
    return health != null || excludeUnhealthy;
  }

  private BooleanQuery.Builder registrationFilters(String kind) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(EntryDocuments.KIND, kind)), Occur.FILTER);
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
   * @param entry an entry
   * @return true when it is not deleted and passes every filter
   */
  boolean passes(ServerEntry entry) {
    if (entry.status() == LifecycleStatus.DELETED) {
      return false;
    }
    HealthStatus h = entry.health().status();
    if (health != null ? h != health : excludeUnhealthy && h == HealthStatus.UNHEALTHY) {
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
