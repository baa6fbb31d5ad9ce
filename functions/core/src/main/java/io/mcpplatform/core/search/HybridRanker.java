package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.VectorCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Ranks entries for a query text by fusing two normalized scores: {@value #SEMANTIC_WEIGHT} x the
 * cosine similarity between the query's embedding and the entry's closest text (its own or a
 * tool's; negative cosines count as 0), plus {@value #LEXICAL_WEIGHT} x the entry's BM25 score
 * divided by the best BM25 score of the query. Both parts lie in [0, 1], so does the sum. The
 * weights were chosen on the discovery dev questions (BENCHMARKS.md; 0.5 to 0.9 and floors 0.1 to
 * 0.3 tried): BM25 normalized by the query's best score gives the best lexical match a full share
 * even when its only shared word is incidental, so a larger lexical weight lets such matches push
 * better meanings out of the top five; BM25 still orders entries of equal meaning and finds exact
 * names and identifiers.
 *
 * <p>Candidates are the best BM25 matches and the entries of the nearest vectors ({@link
 * VectorTable}, at least {@value #MIN_CANDIDATES} vectors, filtered by tags and capability type;
 * health is checked on each candidate). An entry found only by meaning is kept when its cosine
 * reaches {@value #SEMANTIC_FLOOR}. A query that is exactly an entry's name (any case) gives that
 * entry the full score 1. Without a query vector (no model) the ranking is BM25 alone.
 */
final class HybridRanker {

  static final float SEMANTIC_WEIGHT = 0.9f;
  static final float LEXICAL_WEIGHT = 0.1f;
  static final int MIN_CANDIDATES = 50;
  static final float SEMANTIC_FLOOR = 0.25f;

  private HybridRanker() {}

  private static final class Candidate {
    final ServerEntry entry;
    float bm25;
    float cosine = Float.NaN;
    String source;

    Candidate(ServerEntry entry) {
      this.entry = entry;
    }

    void offer(float cos, String from) {
      if (Float.isNaN(cosine) || cos > cosine) {
        cosine = cos;
        source = from;
      }
    }

    float semantic() {
      return Float.isNaN(cosine) ? 0 : Math.max(0, cosine);
    }
  }

  private record Scored(Candidate candidate, double score) {}

  static SearchResult rank(
      IndexSearcher searcher,
      SearchQuery query,
      SearchFilter filter,
      float[] queryVector,
      VectorTable vectors,
      Function<String, ServerEntry> entries)
      throws IOException {
    int wanted = Math.max(MIN_CANDIDATES, query.offset() + query.limit());
    Map<String, Candidate> candidates = new HashMap<>();
    LexicalQuery lexical = LexicalQuery.of(query.text());
    float bestBm25 = 0;
    long lexicalMissed = 0;
    if (lexical.query() != null) {
      BooleanQuery q =
          new BooleanQuery.Builder()
              .add(lexical.query(), Occur.MUST)
              .add(filter.entries(), Occur.FILTER)
              .build();
      TopDocs top = searcher.search(q, wanted);
      // past 1,000 matches Lucene counts no further (a lower bound): counting exactly would cost a
      // second pass
      lexicalMissed = Math.max(0, top.totalHits.value - top.scoreDocs.length);
      String[] names = DocValuesReader.read(searcher, top.scoreDocs, EntryDocuments.SORT_NAME);
      for (int i = 0; i < names.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        ServerEntry e = names[i] == null ? null : entries.apply(names[i]);
        if (e != null) {
          candidates.computeIfAbsent(e.name(), n -> new Candidate(e)).bm25 = sd.score;
          bestBm25 = Math.max(bestBm25, sd.score);
        }
      }
    }
    if (queryVector != null) {
      byte[] unit = VectorCodec.unitBytes(queryVector);
      addNearest(vectors, filter, unit, wanted, candidates);
      for (Candidate c : candidates.values()) {
        VectorTable.Slot slot;
        if (Float.isNaN(c.cosine) && (slot = vectors.slot(c.entry.name())) != null) {
          VectorTable.each(unit, slot, (s, source, cosine) -> c.offer(cosine, source));
        }
      }
    }
    String exactName = query.text().strip();
    List<Scored> ranked = new ArrayList<>();
    for (Candidate c : candidates.values()) {
      if (c.bm25 > 0 || c.semantic() >= SEMANTIC_FLOOR) {
        double lexicalPart = bestBm25 > 0 ? c.bm25 / bestBm25 : 0;
        double score =
            queryVector == null
                ? lexicalPart
                : SEMANTIC_WEIGHT * c.semantic() + LEXICAL_WEIGHT * lexicalPart;
        if (c.entry.name().equalsIgnoreCase(exactName)) {
          // the query names the entry: nothing ranks above it
          score = 1.0;
        }
        ranked.add(new Scored(c, Math.min(1.0, score)));
      }
    }
    ranked.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(s -> s.candidate().entry.name()));
    int total = (int) Math.min(Integer.MAX_VALUE, ranked.size() + lexicalMissed);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = query.offset(); i < Math.min(ranked.size(), query.offset() + query.limit()); i++) {
      Candidate c = ranked.get(i).candidate();
      List<String> lexicalFields =
          c.bm25 > 0 ? lexical.matchedFields(EntryDocuments.texts(c.entry)) : List.of();
      List<String> semantic =
          c.source != null && c.semantic() >= SEMANTIC_FLOOR ? List.of(c.source) : List.of();
      hits.add(
          new SearchHit(
              c.entry,
              Math.round(ranked.get(i).score() * 1000) / 1000.0,
              new SearchMatch(lexicalFields, semantic)));
    }
    int next = query.offset() + query.limit();
    return new SearchResult(hits, total, next < total ? next : null);
  }

  private static void addNearest(
      VectorTable vectors,
      SearchFilter filter,
      byte[] query,
      int wanted,
      Map<String, Candidate> candidates) {
    vectors.nearest(
        query,
        filter,
        wanted,
        (slot, source, cosine) -> {
          ServerEntry e = slot.entry;
          if (filter.passes(e)) {
            candidates.computeIfAbsent(e.name(), n -> new Candidate(e)).offer(cosine, source);
          }
        });
  }
}
