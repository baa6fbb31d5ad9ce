package io.mcpplatform.core.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * Reads a document's sorted doc-values (its entry name, its vector's source) by top-level document
 * id: a column lookup, much cheaper than decompressing stored fields for each hit.
 */
final class DocValuesReader {

  private final List<LeafReaderContext> leaves;

  DocValuesReader(IndexSearcher searcher) {
    this.leaves = searcher.getIndexReader().leaves();
  }

  /**
   * @param doc a top-level document id
   * @param field a sorted doc-values field
   * @return the document's value, or null when it has none
   */
  String get(int doc, String field) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = leaf.reader().getSortedDocValues(field);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }
}
