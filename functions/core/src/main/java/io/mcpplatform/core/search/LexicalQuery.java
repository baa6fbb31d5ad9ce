package io.mcpplatform.core.search;

import io.mcpplatform.core.embedding.EntryTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IOUtils;

/**
 * The lexical side of a search: English analysis (Snowball's English stop words, accents folded,
 * Porter stemming) of identifiers split into words, and the BM25 query over the weighted text
 * fields. The query's last word is also matched as a prefix (a name being typed), unless it is a
 * stop word or shorter than {@value #MIN_PREFIX} characters; a query that is exactly an entry's
 * name ranks that entry first.
 */
final class LexicalQuery {

  static final int MIN_PREFIX = 3;
  private static final float PREFIX_WEIGHT = 0.3f;
  private static final float EXACT_NAME_WEIGHT = 10f;
  static final int MAX_EXPANSIONS = 16;

  /** Snowball's English stop words: articles, pronouns and question words carry no need. */
  static final CharArraySet STOP_WORDS = stopWords();

  static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream result = new EnglishPossessiveFilter(source);
          result = new LowerCaseFilter(result);
          result = new ASCIIFoldingFilter(result);
          result = new StopFilter(result, STOP_WORDS);
          return new TokenStreamComponents(source, new PorterStemFilter(result));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
          return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
      };

  private final List<String> terms;
  private final Query query;

  private LexicalQuery(List<String> terms, Query query) {
    this.terms = terms;
    this.query = query;
  }

  private static CharArraySet stopWords() {
    try {
      return CharArraySet.unmodifiableSet(
          WordlistLoader.getSnowballWordSet(
              IOUtils.getDecodingReader(
                  SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's English stop word list is missing", e);
    }
  }

  /**
   * @param text the query text, not blank
   * @return the lexical query; {@link #query()} is null when the text has no word to search (stop
   *     words only)
   */
  static LexicalQuery of(String text) {
    // the words of identifiers, and identifiers whole (get_location as well as get and location)
    List<String> terms = analyze(EntryTexts.words(text) + " " + text);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (String term : terms) {
      for (Map.Entry<String, Float> field : EntryDocuments.TEXT_FIELDS.entrySet()) {
        b.add(
            new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()),
            Occur.SHOULD);
        clauses++;
      }
    }
    String last = lastWord(text);
    if (last != null) {
      for (Map.Entry<String, Float> field : EntryDocuments.TEXT_FIELDS.entrySet()) {
        PrefixQuery prefix =
            new PrefixQuery(
                new Term(field.getKey(), last),
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
        b.add(new BoostQuery(prefix, field.getValue() * PREFIX_WEIGHT), Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) {
      return new LexicalQuery(terms, null);
    }
    b.add(
        new BoostQuery(
            new TermQuery(
                new Term(EntryDocuments.EXACT_NAME, text.strip().toLowerCase(Locale.ROOT))),
            EXACT_NAME_WEIGHT),
        Occur.SHOULD);
    return new LexicalQuery(terms, b.build());
  }

  private static String lastWord(String text) {
    String[] words = EntryTexts.words(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    String last =
        words.length == 0 ? "" : ANALYZER.normalize("", words[words.length - 1]).utf8ToString();
    return last.length() < MIN_PREFIX || STOP_WORDS.contains(last) ? null : last;
  }

  /**
   * @return the analyzed terms of the query, in order, without repeats
   */
  List<String> terms() {
    return terms;
  }

  /**
   * @return the BM25 query, or null when the text has no searchable word
   */
  Query query() {
    return query;
  }

  /**
   * @param fieldTexts an entry's text by field ({@link EntryDocuments#texts})
   * @return the fields that contain a term of the query, in field order
   */
  List<String> matchedFields(Map<String, String> fieldTexts) {
    if (terms.isEmpty()) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    for (String field :
        List.of(
            EntryDocuments.NAME,
            EntryDocuments.TITLE,
            EntryDocuments.DESCRIPTION,
            EntryDocuments.TAGS,
            EntryDocuments.TOOLS)) {
      String text = fieldTexts.get(field);
      if (text != null && !text.isBlank() && analyze(text).stream().anyMatch(terms::contains)) {
        fields.add(field);
      }
    }
    return fields;
  }

  /**
   * @param text any text
   * @return its analyzed terms, without repeats
   */
  static List<String> analyze(String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = ANALYZER.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
