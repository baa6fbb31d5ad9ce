package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one search over the index's structures, which must not change meanwhile (the caller holds the
 * read lock): plans the query words into groups of terms, scores postings with BM25F while filtering,
 * applies the coordination factor and keeps the top of the ranking in a bounded heap.
 */
final class QueryRunner {

  static final float PREFIX_FACTOR = 0.5f;
  static final int MIN_PREFIX = 2;
  static final int MAX_EXPANSIONS = 32;
  static final int MAX_PREFIX_SCAN = 1 << 16;
  static final int MAX_QUERY_WORDS = 32;

  private final DocumentTable docs;
  private final TermDictionary terms;

  QueryRunner(DocumentTable docs, TermDictionary terms) {
    this.docs = docs;
    this.terms = terms;
  }

  /** Every document passing the filter, most recently updated first, score 0. */
  SearchResult list(SearchQuery query, SearchFilter filter, long[] tagBits, Scratch s) {
    byte[] flags = docs.flags();
    TopK top = new TopK(pageEnd(query, docs.searchable()), s.listKey, docs.entries());
    int total = 0;
    for (int doc = 0, n = docs.highWater(); doc < n; doc++) {
      if (filter.passes(flags[doc], doc, tagBits)) {
        s.listKey[doc] = docs.updated(doc);
        top.offer(doc);
        total++;
      }
    }
    return page(query, top.drainBestFirst(), total, null);
  }

  /** Documents matching any query word and passing the filter, best first. */
  SearchResult rank(SearchQuery query, Tokenizer.QueryTerms words, SearchFilter filter, long[] tagBits,
      Scratch s) {
    List<Group> groups = plan(words);
    int touchedCount = 0;
    int groupCount = 0;
    try {
      int counted = 0;
      byte[] passing = filter.passingFlags();
      for (Group g : groups) {
        if (g.ids.length == 1) {
          // one term: each document appears once, so its score adds up directly
          touchedCount = accumulate(g, passing, tagBits, s, touchedCount);
        } else {
          groupCount = collect(g, passing, tagBits, s);
          for (int i = 0; i < groupCount; i++) {
            int doc = s.groupTouched[i];
            if (s.score[doc] == 0) {
              s.touched[touchedCount++] = doc;
            }
            s.score[doc] += s.best[doc];
            s.best[doc] = 0;
            if (g.counts) {
              s.matched[doc]++;
            }
          }
          groupCount = 0;
        }
        if (g.counts) {
          counted++;
        }
      }
      double[] coordination = new double[counted + 1];
      for (int m = 0; m <= counted; m++) {
        double share = counted == 0 ? 1 : (double) m / counted;
        coordination[m] = share * share;
      }
      TopK top = new TopK(pageEnd(query, touchedCount), s.score, docs.entries());
      for (int i = 0; i < touchedCount; i++) {
        int doc = s.touched[i];
        s.score[doc] *= coordination[s.matched[doc]];
        top.offer(doc);
      }
      return page(query, top.drainBestFirst(), touchedCount, s.score);
    } finally {
      for (int i = 0; i < touchedCount; i++) {
        int doc = s.touched[i];
        s.score[doc] = 0;
        s.matched[doc] = 0;
      }
      for (int i = 0; i < groupCount; i++) {
        s.best[s.groupTouched[i]] = 0;
      }
    }
  }

  /**
   * Scores one query word's postings into {@link Scratch#best}, keeping each document's best match.
   *
   * @return how many documents it matched, listed in {@link Scratch#groupTouched}
   */
  private int collect(Group g, byte[] passing, long[] tagBits, Scratch s) {
    byte[] flags = docs.flags();
    float[] norms = docs.norms();
    float[] best = s.best;
    int[] groupTouched = s.groupTouched;
    int count = 0;
    for (int t = 0; t < g.ids.length; t++) {
      int n = terms.size(g.ids[t]);
      float weight = weight(g, t, n);
      int[] values = terms.postings(g.ids[t]);
      for (int i = 0; i < n; i++) {
        int v = values[i];
        int doc = Postings.doc(v);
        if (filteredOut(doc, flags, passing, tagBits)) {
          continue;
        }
        float sc = score(v, doc, weight, norms);
        float previous = best[doc];
        if (previous == 0) {
          groupTouched[count++] = doc;
          best[doc] = sc;
        } else if (sc > previous) {
          best[doc] = sc;
        }
      }
    }
    return count;
  }

  /** Whether the filters leave the document out: its status/health flags, or (when given) the tag bit set. */
  private static boolean filteredOut(int doc, byte[] flags, byte[] passing, long[] tagBits) {
    return passing[flags[doc] & 0xFF] == 0 || (tagBits != null && (tagBits[doc >>> 6] & (1L << doc)) == 0);
  }

  /**
   * Adds the scores of a one-term query word straight into {@link Scratch#score}: with one term there is no
   * best match to choose, so the same sums come out without staging them in {@link Scratch#best}.
   *
   * @return the new number of documents in {@link Scratch#touched}
   */
  private int accumulate(Group g, byte[] passing, long[] tagBits, Scratch s, int touchedCount) {
    byte[] flags = docs.flags();
    float[] norms = docs.norms();
    double[] score = s.score;
    byte[] matched = s.matched;
    int[] touched = s.touched;
    int n = terms.size(g.ids[0]);
    float weight = weight(g, 0, n);
    int[] values = terms.postings(g.ids[0]);
    for (int i = 0; i < n; i++) {
      int v = values[i];
      int doc = Postings.doc(v);
      if (filteredOut(doc, flags, passing, tagBits)) {
        continue;
      }
      float sc = score(v, doc, weight, norms);
      if (score[doc] == 0) {
        touched[touchedCount++] = doc;
      }
      score[doc] += sc;
      if (g.counts) {
        matched[doc]++;
      }
    }
    return touchedCount;
  }

  /** BM25 weight of term {@code t} of a group: its factor, (k1 + 1) and its inverse document frequency. */
  private float weight(Group g, int t, int documentFrequency) {
    return (float) (g.factors[t] * (DocumentTable.K1 + 1)
        * Math.log(1 + (docs.searchable() - documentFrequency + 0.5) / (documentFrequency + 0.5)));
  }

  /** BM25F score of one posting: field frequencies weighted and length-normalized, then saturated. */
  private static float score(int v, int doc, float weight, float[] norms) {
    int base = doc * DocumentTerms.FIELDS;
    float tf = ((v >>> (2 * Postings.TF_BITS)) & Postings.TF_MAX) * norms[base]
        + ((v >>> Postings.TF_BITS) & Postings.TF_MAX) * norms[base + 1]
        + (v & Postings.TF_MAX) * norms[base + 2];
    return weight * tf / (tf + DocumentTable.K1);
  }

  private List<Group> plan(Tokenizer.QueryTerms words) {
    List<Group> groups = new ArrayList<>();
    List<String> plain = words.words();
    for (String w : plain.subList(0, Math.min(plain.size(), MAX_QUERY_WORDS))) {
      groups.add(expand(w));
    }
    List<String> compounds = words.compounds();
    for (String c : compounds.subList(0, Math.min(compounds.size(), MAX_QUERY_WORDS))) {
      int exact = terms.find(c);
      if (exact >= 0 && terms.size(exact) > 0) {
        groups.add(new Group(new int[] {exact}, new float[] {1}, plain.isEmpty()));
      }
    }
    return groups;
  }

  /**
   * The exact term plus up to {@link #MAX_EXPANSIONS} longer plain words that the word is a prefix of,
   * commonest first (ties in term order). Compound identifiers are not expanded to: their parts are
   * indexed anyway.
   */
  private Group expand(String word) {
    int exact = terms.find(word);
    boolean hasExact = exact >= 0 && terms.size(exact) > 0;
    int[] chosen = new int[MAX_EXPANSIONS];
    int chosenCount = 0;
    if (word.length() >= MIN_PREFIX) {
      int from = terms.lowerBound(word) + (exact >= 0 ? 1 : 0);
      int to = Math.min(terms.prefixEnd(word), from + MAX_PREFIX_SCAN);
      for (int pos = from; pos < to; pos++) {
        int df = terms.expansionFrequency(pos);
        if (df <= 0 || (chosenCount == MAX_EXPANSIONS
            && df <= terms.expansionFrequency(chosen[MAX_EXPANSIONS - 1]))) {
          continue;
        }
        int at = Math.min(chosenCount, MAX_EXPANSIONS - 1);
        while (at > 0 && terms.expansionFrequency(chosen[at - 1]) < df) {
          chosen[at] = chosen[at - 1];
          at--;
        }
        chosen[at] = pos;
        chosenCount = Math.min(chosenCount + 1, MAX_EXPANSIONS);
      }
    }
    int n = chosenCount + (hasExact ? 1 : 0);
    int[] ids = new int[n];
    float[] factors = new float[n];
    int i = 0;
    if (hasExact) {
      ids[i] = exact;
      factors[i++] = 1;
    }
    for (int c = 0; c < chosenCount; c++) {
      ids[i] = terms.idAt(chosen[c]);
      factors[i++] = PREFIX_FACTOR;
    }
    return new Group(ids, factors, true);
  }

  private static int pageEnd(SearchQuery query, int matches) {
    long end = (long) query.offset() + query.limit();
    return (int) Math.max(1, Math.min(end, matches));
  }

  private SearchResult page(SearchQuery query, int[] ranked, int total, double[] scores) {
    List<SearchHit> hits = new ArrayList<>();
    for (int i = query.offset(); i < ranked.length; i++) {
      int doc = ranked[i];
      hits.add(new SearchHit(docs.entry(doc), scores == null ? 0 : scores[doc]));
    }
    long next = (long) query.offset() + query.limit();
    return new SearchResult(hits, total, next < total ? Integer.valueOf((int) next) : null);
  }

  /** One query word: its exact term and prefix expansions, each with a score factor. */
  private record Group(int[] ids, float[] factors, boolean counts) {}
}
