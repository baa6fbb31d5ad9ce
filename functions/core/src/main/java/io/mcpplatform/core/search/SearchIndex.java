package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory search index over catalog entries: an Apache Lucene index in a {@link
 * ByteBuffersDirectory}, ranked by {@link HybridRanker} (BM25 with English analysis, fused with the
 * cosine similarity of sentence embeddings when a model is given). Vectors are never computed here:
 * each entry brings the vectors that were stored with it ({@link ServerEntry#vectors()}), kept in a
 * {@link VectorTable} beside the Lucene index; only the query is embedded.
 *
 * <p>Writes become visible to the next search (near-real-time reopen, only when something changed).
 * After a bulk load (at least {@value #BULK_LOAD} entries written, and half the index or more,
 * since the last merge) that reopen first merges the index into one segment, so that a search reads
 * one segment. Smaller write streams leave merging to Lucene's merge policy. A health change
 * rewrites the entry's document and updates its vectors' health in place; its vectors are replaced
 * only when they, its tags or its capability types change. Deleted entries are kept for {@link
 * #get} but never searched.
 *
 * <p>Thread-safe: any number of concurrent searches; writes are serialized.
 */
public final class SearchIndex implements AutoCloseable {

  static final int BULK_LOAD = 1_000;

  private final TextEmbedder embedder;
  private final VectorTable vectors;
  private final Map<String, ServerEntry> entries = new ConcurrentHashMap<>();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong unmerged = new AtomicLong();
  private final Object refreshLock = new Object();
  private volatile long visible;

  /** An index ranked by BM25 alone. */
  public SearchIndex() {
    this(null);
  }

  /**
   * @param embedder embeds query texts, or null to rank by BM25 alone; its {@link
   *     TextEmbedder#modelId()} must answer without waiting for the model to load, {@link
   *     TextEmbedder#embed} may wait
   */
  public SearchIndex(TextEmbedder embedder) {
    this(embedder, VectorTable.OVERSAMPLING);
  }

  /**
   * @param embedder as for {@link #SearchIndex(TextEmbedder)}
   * @param vectorOversampling how many vectors per wanted one the fast estimate keeps for the exact
   *     cosine order (16 by default; {@link Integer#MAX_VALUE} orders every vector exactly, for
   *     measuring what the estimate misses)
   */
  public SearchIndex(TextEmbedder embedder, int vectorOversampling) {
    this.embedder = embedder;
    this.vectors =
        embedder == null ? null : new VectorTable(embedder.dimensions(), vectorOversampling);
    Analyzer analyzer = new PerFieldAnalyzerWrapper(LexicalQuery.ANALYZER);
    try {
      writer =
          new IndexWriter(
              new ByteBuffersDirectory(),
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                  .setCommitOnClose(false));
      searchers = new SearcherManager(writer, new SearcherFactory());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the in-memory search index", e);
    }
  }

  /**
   * @return the model whose vectors this index uses, or null when it ranks by BM25 alone
   */
  public String modelId() {
    return embedder == null ? null : embedder.modelId();
  }

  /**
   * Adds an entry, or replaces the entry of the same name.
   *
   * @param entry the entry; a deleted one is kept for {@link #get} but never searched
   */
  public void upsert(ServerEntry entry) {
    upsertAll(List.of(entry));
  }

  /**
   * Adds or replaces many entries, the way to fill the index at start.
   *
   * @param batch the entries, later ones win over earlier ones of the same name
   */
  public synchronized void upsertAll(Collection<ServerEntry> batch) {
    String model = modelId();
    try {
      for (ServerEntry e : batch) {
        ServerEntry previous = entries.put(e.name(), e);
        if (e.status() == LifecycleStatus.DELETED) {
          writer.deleteDocuments(new Term(EntryDocuments.ENTRY_KEY, e.name()));
          if (vectors != null) {
            vectors.remove(e.name());
          }
          continue;
        }
        writer.updateDocument(
            new Term(EntryDocuments.ENTRY_KEY, e.name()), EntryDocuments.entry(e));
        if (vectors != null && (vectorsChange(previous, e) || !vectors.refresh(e))) {
          vectors.put(e, model);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the in-memory search index", e);
    }
    unmerged.addAndGet(batch.size());
    written.incrementAndGet();
  }

  private static boolean vectorsChange(ServerEntry previous, ServerEntry next) {
    return previous == null
        || previous.status() == LifecycleStatus.DELETED
        || !Objects.equals(previous.vectors(), next.vectors())
        || !previous.tags().equals(next.tags())
        || !EntryDocuments.capabilityTypes(previous).equals(EntryDocuments.capabilityTypes(next));
  }

  /**
   * Removes an entry.
   *
   * @param name the entry's name
   * @return true when the entry was present
   */
  public synchronized boolean remove(String name) {
    if (entries.remove(name) == null) {
      return false;
    }
    try {
      writer.deleteDocuments(new Term(EntryDocuments.ENTRY_KEY, name));
      if (vectors != null) {
        vectors.remove(name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the in-memory search index", e);
    }
    written.incrementAndGet();
    return true;
  }

  /**
   * @return how many entries the index holds, deleted ones included
   */
  public int size() {
    return entries.size();
  }

  /**
   * @param name an entry's name
   * @return the entry as last upserted, deleted or not, or null when absent
   */
  public ServerEntry get(String name) {
    return entries.get(name);
  }

  /**
   * Ranks the entries that match the query text and pass its filters. Without text, every entry
   * that passes the filters matches with score 0, most recently updated first.
   *
   * @param query the search
   * @return one page of hits with the total number of matches
   * @throws io.mcpplatform.core.catalog.ValidationException if a filter value is not one of the
   *     accepted values
   * @throws io.mcpplatform.core.embedding.EmbeddingUnavailableException when the model cannot embed
   *     the query
   */
  public SearchResult search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    SearchFilter filter = SearchFilter.of(query);
    boolean listing = query.text().isBlank();
    float[] queryVector = listing || embedder == null ? null : embedder.embed(query.text());
    try {
      refreshIfWritten();
      IndexSearcher searcher = searchers.acquire();
      try {
        return listing
            ? list(searcher, query, filter)
            : HybridRanker.rank(searcher, query, filter, queryVector, vectors, entries::get);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the in-memory search index", e);
    }
  }

  /**
   * Makes every write finished before this call visible; concurrent searches wait for the same
   * reopen.
   */
  private void refreshIfWritten() throws IOException {
    long target = written.get();
    if (visible >= target) {
      return;
    }
    synchronized (refreshLock) {
      if (visible < target) {
        long pending = unmerged.get();
        if (pending >= BULK_LOAD && 2 * pending >= entries.size()) {
          unmerged.addAndGet(-pending);
          writer.forceMerge(1);
        }
        searchers.maybeRefreshBlocking();
        visible = target;
      }
    }
  }

  private SearchResult list(IndexSearcher searcher, SearchQuery query, SearchFilter filter)
      throws IOException {
    int end = query.offset() + query.limit();
    Sort byUpdate =
        new Sort(
            new SortField(EntryDocuments.UPDATED, SortField.Type.LONG, true),
            new SortField(EntryDocuments.SORT_NAME, SortField.Type.STRING));
    TopDocs top = searcher.search(filter.entries(), end, byUpdate);
    int total = searcher.count(filter.entries());
    String[] names = DocValuesReader.read(searcher, top.scoreDocs, EntryDocuments.SORT_NAME);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = query.offset(); i < top.scoreDocs.length; i++) {
      ServerEntry e = names[i] == null ? null : entries.get(names[i]);
      if (e != null) {
        hits.add(new SearchHit(e, 0, SearchMatch.NONE));
      }
    }
    return new SearchResult(hits, total, end < total ? end : null);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the in-memory search index", e);
    }
  }
}
