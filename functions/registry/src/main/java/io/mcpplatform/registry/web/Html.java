package io.mcpplatform.registry.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * Contextual encoding of untrusted catalog text, one method per output context, over the OWASP Java
 * Encoder. Every catalog string reaches a page through one of these; nothing else writes catalog
 * text.
 */
final class Html {

  private static final int MAX_URL = 2048;

  private Html() {}

  /**
   * @param value untrusted text, nullable
   * @return the text encoded for HTML element content ("" for null)
   */
  static String text(String value) {
    return value == null ? "" : Encode.forHtmlContent(value);
  }

  /**
   * @param value untrusted text, nullable
   * @return the text encoded for a double-quoted HTML attribute value ("" for null)
   */
  static String attr(String value) {
    return value == null ? "" : Encode.forHtmlAttribute(value);
  }

  /**
   * @param value untrusted text, nullable
   * @return the text percent-encoded as one URL path segment or query value, then safe in an
   *     attribute
   */
  static String uriComponent(String value) {
    return value == null ? "" : Encode.forUriComponent(value);
  }

  /**
   * A catalog URL that may become a link: absolute {@code http} or {@code https} with a host, no
   * user info, no control or white-space characters, at most 2,048 characters. Anything else
   * ({@code javascript:}, {@code data:}, protocol-relative, relative) is shown as text, never
   * linked.
   *
   * @param url untrusted URL, nullable
   * @return the URL, or null when it must not be linked
   */
  static String linkableUrl(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_URL) {
      return null;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20
          || c == 0x7f
          || Character.isWhitespace(c)
          || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT) {
        return null;
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return null;
      }
      return url;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * @param url untrusted URL, nullable
   * @param label the link text, already encoded
   * @return an outbound link when the URL may be linked, else the URL as text
   */
  static String outboundLink(String url, String label) {
    String safe = linkableUrl(url);
    if (safe == null) {
      return "<span class=\"url\">" + text(url) + "</span>";
    }
    return "<a href=\""
        + attr(safe)
        + "\" rel=\"noopener noreferrer nofollow\" class=\"url\">"
        + label
        + "</a>";
  }

  /**
   * Quotes a word for a POSIX shell so that a copied command runs with exactly that argument: plain
   * words stay as they are, anything else goes in single quotes.
   *
   * @param value untrusted word
   * @return the shell word
   */
  static String shellWord(String value) {
    if (value != null && !value.isEmpty() && value.chars().allMatch(Html::shellSafe)) {
      return value;
    }
    return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
  }

  private static boolean shellSafe(int c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || "-_./:@%+=,".indexOf(c) >= 0);
  }
}
