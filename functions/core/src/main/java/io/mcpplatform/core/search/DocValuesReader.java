package io.mcpplatform.core.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads the hits' sorted doc-values (their entry names): a column lookup, much cheaper than
 * decompressing stored fields for each hit. The hits are visited in document order, so that each
 * segment's values are opened once per search and read forward.
 */
final class DocValuesReader {

  private DocValuesReader() {}

  /**
   * @param searcher the searcher that found the hits
   * @param hits hits with top-level document ids
   * @param field a sorted doc-values field
   * @return each hit's value, in the hits' order; null where a document has none
   */
  static String[] read(IndexSearcher searcher, ScoreDoc[] hits, String field) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    // (document, position) pairs: sorted, they give the document order
    long[] order = new long[hits.length];
    for (int i = 0; i < hits.length; i++) {
      order[i] = (long) hits[i].doc << 32 | i;
    }
    Arrays.sort(order);
    String[] out = new String[hits.length];
    LeafReaderContext leaf = null;
    SortedDocValues values = null;
    for (long pair : order) {
      int doc = (int) (pair >>> 32);
      int i = (int) pair;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getSortedDocValues(field);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      }
    }
    return out;
  }
}
