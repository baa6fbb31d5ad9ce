package io.mcpplatform.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns text into index terms: Unicode NFKD with combining marks stripped (accent folding), lower case in
 * {@link Locale#ROOT}, split on anything that is not a letter or a digit, English stop words dropped.
 *
 * <p>Identifiers (server names, capability names) also keep their whole form ({@code get_location}) when
 * it is made of letters, digits and the connectors {@code - _ . /}, and are split on camelCase besides.
 */
final class Tokenizer {

  /** Terms that carry no meaning for ranking; kept tiny on purpose. */
  static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
      "the", "to", "with");

  private Tokenizer() {}

  /**
   * @param text any text, nullable
   * @return the text decomposed (NFKD) with combining marks removed; case untouched
   */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    if (isAscii(text)) {
      return text;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * Emits the words of free text, lower-cased, stop words dropped.
   *
   * @param text free text, nullable
   * @param sink receives each term, repeats included
   * @return how many terms were emitted
   */
  static int words(String text, Consumer<String> sink) {
    return words(fold(text), false, sink);
  }

  /**
   * Emits the terms of an identifier: the whole identifier when it is compound, each part split on
   * non-alphanumerics, and the camelCase pieces of each part.
   *
   * @param identifier a name such as {@code com.example/weather-api} or {@code getLocation}, nullable
   * @param sink receives each term, repeats included
   * @return how many terms were emitted
   */
  static int identifier(String identifier, Consumer<String> sink) {
    String folded = fold(identifier);
    int count = 0;
    for (String chunk : folded.split("\\s+")) {
      String whole = compoundWhole(chunk);
      if (whole != null) {
        sink.accept(whole);
        count++;
      }
      count += words(chunk, true, sink);
    }
    return count;
  }

  /**
   * Parses query text into terms.
   *
   * @param text the query text
   * @return the distinct words (to be matched, with coordination) and the compound whole forms (exact
   *     matches only, as a bonus)
   */
  static QueryTerms query(String text) {
    String folded = fold(text);
    Set<String> words = new LinkedHashSet<>();
    Set<String> compounds = new LinkedHashSet<>();
    for (String chunk : folded.split("\\s+")) {
      String whole = compoundWhole(chunk);
      if (whole != null) {
        compounds.add(whole);
      }
      words(chunk, false, words::add);
    }
    return new QueryTerms(new ArrayList<>(words), new ArrayList<>(compounds));
  }

  /**
   * Terms of a query.
   *
   * @param words distinct words in query order
   * @param compounds distinct compound identifiers in query order
   */
  record QueryTerms(List<String> words, List<String> compounds) {}

  private static int words(String folded, boolean camel, Consumer<String> sink) {
    int count = 0;
    int n = folded.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(folded.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(folded.charAt(i))) {
        i++;
      }
      if (start < i) {
        count += emit(folded, start, i, sink);
        if (camel) {
          count += camelPieces(folded, start, i, sink);
        }
      }
    }
    return count;
  }

  private static int camelPieces(String s, int start, int end, Consumer<String> sink) {
    int count = 0;
    int pieceStart = start;
    for (int i = start + 1; i < end; i++) {
      char prev = s.charAt(i - 1);
      char cur = s.charAt(i);
      boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(cur);
      boolean acronymEnd = Character.isUpperCase(prev) && Character.isUpperCase(cur)
          && i + 1 < end && Character.isLowerCase(s.charAt(i + 1));
      if (lowerToUpper || acronymEnd) {
        count += emit(s, pieceStart, i, sink);
        pieceStart = i;
      }
    }
    if (pieceStart > start) {
      count += emit(s, pieceStart, end, sink);
    }
    return count;
  }

  private static int emit(String s, int start, int end, Consumer<String> sink) {
    String term = s.substring(start, end).toLowerCase(Locale.ROOT);
    if (STOP_WORDS.contains(term)) {
      return 0;
    }
    sink.accept(term);
    return 1;
  }

  /** @return the lower-cased chunk, trimmed of outer punctuation, when it is compound; else null */
  private static String compoundWhole(String chunk) {
    int start = 0;
    int end = chunk.length();
    while (start < end && !isWordChar(chunk.charAt(start))) {
      start++;
    }
    while (end > start && !isWordChar(chunk.charAt(end - 1))) {
      end--;
    }
    boolean connector = false;
    for (int i = start; i < end; i++) {
      char c = chunk.charAt(i);
      if (c == '-' || c == '_' || c == '.' || c == '/') {
        connector = true;
      } else if (!isWordChar(c)) {
        return null;
      }
    }
    return connector ? chunk.substring(start, end).toLowerCase(Locale.ROOT) : null;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
