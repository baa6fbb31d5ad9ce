package io.mcpplatform.embedded.geo;

import java.text.Normalizer;

/**
 * Folds place names so that spellings a person treats as the same compare equal: accents dropped
 * ({@code Zürich} = {@code Zurich}), case ignored, dots and apostrophes dropped ({@code D.C.} =
 * {@code DC}, {@code Xi'an} = {@code Xian}), every other run of non-letters one space ({@code
 * Saint-Étienne} = {@code saint etienne}). The gazetteer file stores names folded by this class, so
 * any change here needs the data file rebuilt.
 */
public final class NameFolding {

  private NameFolding() {}

  /**
   * @param text a name as written
   * @return the folded name: lower-case letters and digits separated by single spaces, possibly
   *     empty
   */
  public static String fold(CharSequence text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || isDropped(cp)) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        appendLetter(out, Character.toLowerCase(cp));
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  private static boolean isDropped(int cp) {
    return cp == '.'
        || cp == '\''
        || cp == '\u2019'
        || cp == '\u02BB'
        || cp == '\u02BC'
        || cp == '`'
        || cp == '\u00B4';
  }

  private static void appendLetter(StringBuilder out, int cp) {
    switch (cp) {
      case '\u00DF' -> out.append("ss");
      case '\u00E6' -> out.append("ae");
      case '\u0153' -> out.append("oe");
      case '\u00F8' -> out.append('o');
      case '\u0142' -> out.append('l');
      case '\u0111', '\u00F0' -> out.append('d');
      case '\u00FE' -> out.append("th");
      case '\u0131' -> out.append('i');
      default -> out.appendCodePoint(cp);
    }
  }
}
