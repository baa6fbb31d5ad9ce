package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory inverted index over catalog entries, ranked with BM25F.
 *
 * <p>Fields, in three weighted groups: name (split on {@code - _ . /} and camelCase, whole name kept) and
 * title weigh {@value #W_NAME}; tags and capability names (declared and discovered) weigh
 * {@value #W_LABEL}; the description and capability descriptions weigh {@value #W_TEXT}. Query words
 * match indexed terms exactly or, from two characters on, as a prefix (scored lower); a document's
 * score is the sum over query words of its best match, scaled by the square of the share of query words
 * it matched. Ties are broken by name. Deleted entries are never returned.
 *
 * <p>Thread-safe: any number of concurrent searches, writers exclusive. No I/O.
 */
public final class SearchIndex {

  static final double K1 = 1.2;
  static final double B = 0.75;
  static final int W_NAME = 3;
  static final int W_LABEL = 2;
  static final int W_TEXT = 1;
  private static final double[] WEIGHTS = {W_NAME, W_LABEL, W_TEXT};
  static final double PREFIX_FACTOR = 0.5;
  static final int MIN_PREFIX = 2;
  static final int MAX_EXPANSIONS = 32;
  static final int MAX_PREFIX_SCAN = 2048;
  static final int MAX_QUERY_WORDS = 32;
  private static final int WRITE_BATCH = 512;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private final NameTable docsByName = new NameTable(doc -> this.entries[doc].name());
  private final TermDictionary terms = new TermDictionary();
  private final Map<String, Postings> tags = new HashMap<>();
  private ServerEntry[] entries = new ServerEntry[16];
  private byte[] flags = new byte[16];
  private long[] updated = new long[16];
  private char[][] lengths = new char[DocumentTerms.FIELDS][16];
  private final long[] lengthSums = new long[DocumentTerms.FIELDS];
  private int[] free = new int[16];
  private int freeCount;
  private int highWater;
  private int searchable;

  /**
   * Adds an entry, or replaces the entry of the same name with all its terms.
   *
   * @param entry the entry; a deleted one is kept for {@link #get} but never searched
   */
  public void upsert(ServerEntry entry) {
    upsertAll(List.of(entry));
  }

  /**
   * Adds or replaces many entries under one write lock, the way to fill the index at start.
   *
   * @param batch the entries, later ones win over earlier ones of the same name
   */
  public void upsertAll(Collection<ServerEntry> batch) {
    List<ServerEntry> all = List.copyOf(batch);
    for (int from = 0; from < all.size(); from += WRITE_BATCH) {
      List<ServerEntry> part = all.subList(from, Math.min(all.size(), from + WRITE_BATCH));
      List<DocumentTerms> analyzed = new ArrayList<>(part.size());
      for (ServerEntry e : part) {
        analyzed.add(DocumentTerms.of(e));
      }
      lock.writeLock().lock();
      try {
        for (int i = 0; i < part.size(); i++) {
          ServerEntry e = part.get(i);
          int doc = docsByName.get(e.name());
          if (doc >= 0) {
            unindex(doc);
            index(doc, e, analyzed.get(i));
          } else {
            doc = allocate();
            index(doc, e, analyzed.get(i));
            docsByName.add(doc);
          }
        }
        terms.flush();
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  /**
   * Removes an entry and all its terms.
   *
   * @param name the entry's name
   * @return true when the entry was present
   */
  public boolean remove(String name) {
    lock.writeLock().lock();
    try {
      int doc = docsByName.remove(name);
      if (doc < 0) {
        return false;
      }
      unindex(doc);
      terms.flush();
      entries[doc] = null;
      flags[doc] = 0;
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, freeCount * 2);
      }
      free[freeCount++] = doc;
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** @return how many entries the index holds, deleted ones included */
  public int size() {
    lock.readLock().lock();
    try {
      return docsByName.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * @param name an entry's name
   * @return the entry as last upserted, deleted or not, or null when absent
   */
  public ServerEntry get(String name) {
    lock.readLock().lock();
    try {
      int doc = docsByName.get(name);
      return doc < 0 ? null : entries[doc];
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Ranks the entries that match the query text and pass its filters. Without text, every entry that
   * passes the filters matches with score 0, most recently updated first.
   *
   * @param query the search
   * @return one page of hits with the total number of matches
   * @throws io.mcpplatform.core.catalog.ValidationException if a filter value is not one of the accepted
   *     values
   */
  public SearchResult search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    SearchFilter filter = SearchFilter.of(query);
    boolean listing = query.text().isBlank();
    Tokenizer.QueryTerms words = listing ? null : Tokenizer.query(query.text());
    lock.readLock().lock();
    try {
      Scratch s = scratch.get();
      s.ensure(entries.length);
      long[] tagBits = filter.tagBits(tags, entries.length);
      if (listing) {
        return list(query, filter, tagBits, s);
      }
      return rank(query, plan(words), filter, tagBits, s);
    } finally {
      lock.readLock().unlock();
    }
  }

  private SearchResult list(SearchQuery query, SearchFilter filter, long[] tagBits, Scratch s) {
    TopK top = new TopK(pageEnd(query, searchable), s.score, entries);
    int total = 0;
    for (int doc = 0; doc < highWater; doc++) {
      if (filter.passes(flags[doc], doc, tagBits)) {
        s.score[doc] = updated[doc];
        top.offer(doc);
        total++;
      }
    }
    return page(query, top.drainBestFirst(), total, null);
  }

  private SearchResult rank(SearchQuery query, List<Group> groups, SearchFilter filter, long[] tagBits,
      Scratch s) {
    double[] invAvg = new double[DocumentTerms.FIELDS];
    for (int f = 0; f < invAvg.length; f++) {
      invAvg[f] = lengthSums[f] == 0 ? 1 : (double) searchable / lengthSums[f];
    }
    int stamp = s.nextStamp();
    int touchedCount = 0;
    int counted = 0;
    for (Group g : groups) {
      int groupStamp = s.nextStamp();
      int groupCount = 0;
      for (int t = 0; t < g.slots.length; t++) {
        int n = terms.size(g.slots[t]);
        double weight = g.factors[t] * Math.log(1 + (searchable - n + 0.5) / (n + 0.5));
        int[] values = terms.postings(g.slots[t]);
        for (int i = 0; i < n; i++) {
          int v = values[i];
          int doc = Postings.doc(v);
          if (!filter.passes(flags[doc], doc, tagBits)) {
            continue;
          }
          float sc = (float) (weight * saturate(v, doc, invAvg));
          if (s.groupSeen[doc] != groupStamp) {
            s.groupSeen[doc] = groupStamp;
            s.best[doc] = sc;
            s.groupTouched[groupCount++] = doc;
          } else if (sc > s.best[doc]) {
            s.best[doc] = sc;
          }
        }
      }
      for (int i = 0; i < groupCount; i++) {
        int doc = s.groupTouched[i];
        if (s.seen[doc] != stamp) {
          s.seen[doc] = stamp;
          s.score[doc] = 0;
          s.matched[doc] = 0;
          s.touched[touchedCount++] = doc;
        }
        s.score[doc] += s.best[doc];
        if (g.counts) {
          s.matched[doc]++;
        }
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
    TopK top = new TopK(pageEnd(query, touchedCount), s.score, entries);
    for (int i = 0; i < touchedCount; i++) {
      int doc = s.touched[i];
      s.score[doc] *= coordination[s.matched[doc]];
      top.offer(doc);
    }
    return page(query, top.drainBestFirst(), touchedCount, s.score);
  }

  /** BM25F term-frequency saturation of one posting. */
  private double saturate(int value, int doc, double[] invAvg) {
    double tf = 0;
    for (int f = 0; f < DocumentTerms.FIELDS; f++) {
      int count = (value >>> ((DocumentTerms.FIELDS - 1 - f) * Postings.TF_BITS)) & Postings.TF_MAX;
      if (count != 0) {
        tf += WEIGHTS[f] * count / (1 - B + B * lengths[f][doc] * invAvg[f]);
      }
    }
    return tf * (K1 + 1) / (tf + K1);
  }

  private List<Group> plan(Tokenizer.QueryTerms words) {
    List<Group> groups = new ArrayList<>();
    for (String w : words.words().subList(0, Math.min(words.words().size(), MAX_QUERY_WORDS))) {
      groups.add(expand(w));
    }
    for (String c : words.compounds()) {
      int exact = terms.find(c);
      if (exact >= 0 && terms.size(exact) > 0) {
        groups.add(new Group(new int[] {exact}, new double[] {1}, words.words().isEmpty()));
      }
    }
    return groups;
  }

  /** The exact term plus up to {@link #MAX_EXPANSIONS} longer terms it is a prefix of, commonest first. */
  private Group expand(String word) {
    int exact = terms.find(word);
    boolean hasExact = exact >= 0 && terms.size(exact) > 0;
    List<Integer> longer = new ArrayList<>();
    if (word.length() >= MIN_PREFIX) {
      int scanned = 0;
      for (int pos = terms.lowerBound(word); pos < terms.orderedCount() && scanned < MAX_PREFIX_SCAN; pos++) {
        int id = terms.idAt(pos);
        if (!terms.key(id).startsWith(word)) {
          break;
        }
        if (id != exact && terms.size(id) > 0) {
          longer.add(id);
          scanned++;
        }
      }
      if (longer.size() > MAX_EXPANSIONS) {
        longer.sort((a, b) -> Integer.compare(terms.size(b), terms.size(a)));
        longer = longer.subList(0, MAX_EXPANSIONS);
      }
    }
    int n = longer.size() + (hasExact ? 1 : 0);
    int[] slots = new int[n];
    double[] factors = new double[n];
    int i = 0;
    if (hasExact) {
      slots[i] = exact;
      factors[i++] = 1;
    }
    for (int slot : longer) {
      slots[i] = slot;
      factors[i++] = PREFIX_FACTOR;
    }
    return new Group(slots, factors, true);
  }

  private static int pageEnd(SearchQuery query, int matches) {
    long end = (long) query.offset() + query.limit();
    return (int) Math.max(1, Math.min(end, matches));
  }

  private SearchResult page(SearchQuery query, int[] ranked, int total, double[] scores) {
    List<SearchHit> hits = new ArrayList<>();
    for (int i = query.offset(); i < ranked.length; i++) {
      int doc = ranked[i];
      hits.add(new SearchHit(entries[doc], scores == null ? 0 : scores[doc]));
    }
    long next = (long) query.offset() + query.limit();
    return new SearchResult(hits, total, next < total ? Integer.valueOf((int) next) : null);
  }

  private int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (highWater == Postings.MAX_DOCS) {
      throw new IllegalStateException("search index is full: " + Postings.MAX_DOCS + " entries");
    }
    if (highWater == entries.length) {
      int grown = Math.min(entries.length * 2, Postings.MAX_DOCS);
      entries = Arrays.copyOf(entries, grown);
      flags = Arrays.copyOf(flags, grown);
      updated = Arrays.copyOf(updated, grown);
      for (int f = 0; f < lengths.length; f++) {
        lengths[f] = Arrays.copyOf(lengths[f], grown);
      }
    }
    return highWater++;
  }

  private void index(int doc, ServerEntry entry, DocumentTerms analyzed) {
    entries[doc] = entry;
    flags[doc] = analyzed.flags();
    updated[doc] = entry.updatedAt() == null ? Long.MIN_VALUE : entry.updatedAt().toEpochMilli();
    if (analyzed.deleted()) {
      return;
    }
    searchable++;
    for (int f = 0; f < DocumentTerms.FIELDS; f++) {
      int len = Math.min(analyzed.length(f), Character.MAX_VALUE);
      lengths[f][doc] = (char) len;
      lengthSums[f] += len;
    }
    for (Map.Entry<String, int[]> e : analyzed.frequencies().entrySet()) {
      int[] tf = e.getValue();
      terms.put(e.getKey(), Postings.pack(doc, tf[0], tf[1], tf[2]));
    }
    for (String tag : analyzed.tagKeys()) {
      tags.computeIfAbsent(tag, k -> new Postings()).put(Postings.pack(doc, 0, 0, 0));
    }
  }

  /** Takes the document's current entry out of the postings and the statistics. */
  private void unindex(int doc) {
    if ((flags[doc] & DocumentTerms.DELETED) != 0) {
      return;
    }
    DocumentTerms old = DocumentTerms.of(entries[doc]);
    searchable--;
    for (int f = 0; f < DocumentTerms.FIELDS; f++) {
      lengthSums[f] -= lengths[f][doc];
      lengths[f][doc] = 0;
    }
    for (String term : old.frequencies().keySet()) {
      terms.remove(term, doc);
    }
    for (String tag : old.tagKeys()) {
      Postings p = tags.get(tag);
      if (p != null && p.remove(doc) && p.size() == 0) {
        tags.remove(tag);
      }
    }
  }

  /** One query word: its exact term and prefix expansions, each with a score factor. */
  private record Group(int[] slots, double[] factors, boolean counts) {}
}
