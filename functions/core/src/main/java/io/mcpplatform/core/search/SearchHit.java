package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;

/**
 * One ranked match.
 *
 * @param entry the matching entry
 * @param score relevance, higher is better; 0 when the query had no text
 */
public record SearchHit(ServerEntry entry, double score) {}
