package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.ServerEntry;
import java.util.ArrayList;
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

  static final int W_NAME = 3;
  static final int W_LABEL = 2;
  static final int W_TEXT = 1;
  static final int MAX_EXPANSIONS = QueryRunner.MAX_EXPANSIONS;
  private static final int WRITE_BATCH = 512;
  private static final int TRIM_AFTER = 4 * WRITE_BATCH;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private final DocumentTable docs = new DocumentTable();
  private final NameTable docsByName = new NameTable(doc -> docs.entry(doc).name());
  private final TermDictionary terms = new TermDictionary();
  private final Map<String, Postings> tags = new HashMap<>();
  private final QueryRunner runner = new QueryRunner(docs, terms);

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
            doc = docs.allocate();
            index(doc, e, analyzed.get(i));
            docsByName.add(doc);
          }
        }
        terms.flush();
        if (from + WRITE_BATCH >= all.size() && all.size() >= TRIM_AFTER) {
          terms.trim();
        }
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
      docs.release(doc);
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
      return doc < 0 ? null : docs.entry(doc);
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
      s.ensure(docs.capacity());
      long[] tagBits = filter.tagBits(tags, docs.capacity());
      return listing ? runner.list(query, filter, tagBits, s) : runner.rank(query, words, filter, tagBits, s);
    } catch (RuntimeException e) {
      scratch.remove();
      throw e;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void index(int doc, ServerEntry entry, DocumentTerms analyzed) {
    docs.set(doc, entry, analyzed);
    if (analyzed.deleted()) {
      return;
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
    if (docs.deleted(doc)) {
      return;
    }
    DocumentTerms old = DocumentTerms.of(docs.entry(doc));
    docs.unset(doc);
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
}
