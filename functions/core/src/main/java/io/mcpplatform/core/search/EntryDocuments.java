package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.embedding.EntryTexts;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of one entry: the text fields and the filter fields (its vectors live in
 * {@link VectorTable}). Identifiers are split into words ({@link EntryTexts#words}) before English
 * analysis, so that {@code get_location} and {@code geo-coder} are found by their words.
 */
final class EntryDocuments {

  static final String KIND = "kind";
  static final String KIND_ENTRY = "entry";
  static final String ENTRY_KEY = "entryKey";
  static final String NAME = "name";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String TAGS = "tags";
  static final String TOOLS = "tools";
  static final String EXACT_NAME = "exactName";
  static final String TAG = "tag";
  static final String CAPABILITY = "capability";
  static final String HEALTH = "health";
  static final String UPDATED = "updated";
  static final String SORT_NAME = "sortName";

  /**
   * Text fields with their BM25 weights: a word in the name or title says more than one in prose.
   */
  static final Map<String, Float> TEXT_FIELDS = textFields();

  private EntryDocuments() {}

  private static Map<String, Float> textFields() {
    Map<String, Float> m = new LinkedHashMap<>();
    m.put(NAME, 3f);
    m.put(TITLE, 2.5f);
    m.put(TAGS, 2f);
    m.put(TOOLS, 1.5f);
    m.put(DESCRIPTION, 1f);
    return Map.copyOf(m);
  }

  /**
   * @param entry an entry, not deleted
   * @return its entry document
   */
  static Document entry(ServerEntry entry) {
    Document d = new Document();
    d.add(new StringField(KIND, KIND_ENTRY, Field.Store.NO));
    d.add(new StringField(ENTRY_KEY, entry.name(), Field.Store.NO));
    d.add(new StringField(EXACT_NAME, entry.name().toLowerCase(Locale.ROOT), Field.Store.NO));
    for (Map.Entry<String, String> field : texts(entry).entrySet()) {
      d.add(new TextField(field.getKey(), field.getValue(), Field.Store.NO));
    }
    registrationFilters(d, entry);
    d.add(new StringField(HEALTH, entry.health().status().wire(), Field.Store.NO));
    d.add(
        new NumericDocValuesField(
            UPDATED, entry.updatedAt() == null ? 0 : entry.updatedAt().toEpochMilli()));
    d.add(new SortedDocValuesField(SORT_NAME, new BytesRef(entry.name())));
    return d;
  }

  private static void registrationFilters(Document d, ServerEntry entry) {
    for (String tag :
        new LinkedHashSet<>(entry.tags().stream().map(SearchFilter::tagKey).toList())) {
      d.add(new StringField(TAG, tag, Field.Store.NO));
    }
    for (String type : capabilityTypes(entry)) {
      d.add(new StringField(CAPABILITY, type, Field.Store.NO));
    }
  }

  /**
   * @param entry an entry
   * @return the text of each of its text fields, identifiers split into words
   */
  static Map<String, String> texts(ServerEntry entry) {
    Map<String, String> t = new LinkedHashMap<>();
    // the words, and each part of the name whole (tideTables as well as tide and tables)
    t.put(NAME, EntryTexts.words(entry.name()) + " " + entry.name().replaceAll("[-_./]+", " "));
    t.put(TITLE, EntryTexts.words(entry.title()));
    if (entry.description() != null) {
      t.put(DESCRIPTION, EntryTexts.words(entry.description()));
    }
    t.put(TAGS, EntryTexts.words(String.join(" ", entry.tags())));
    StringBuilder tools = new StringBuilder();
    for (Capability c : allCapabilities(entry).toList()) {
      String name = c.name() == null ? "" : c.name();
      tools.append(name).append(' ').append(EntryTexts.words(name)).append(' ');
      if (c.description() != null) {
        tools.append(EntryTexts.words(c.description())).append(". ");
      }
    }
    t.put(TOOLS, tools.toString());
    return t;
  }

  /**
   * @return the capability types ({@code tool}, {@code resource}) the entry declares or a probe
   *     found
   */
  static Set<String> capabilityTypes(ServerEntry entry) {
    Set<String> types = new LinkedHashSet<>();
    allCapabilities(entry)
        .forEach(
            c -> {
              if (c.type() != null) {
                types.add(c.type().toLowerCase(Locale.ROOT));
              }
            });
    return types;
  }

  private static Stream<Capability> allCapabilities(ServerEntry entry) {
    return Stream.concat(entry.capabilities().stream(), entry.discoveredCapabilities().stream());
  }
}
