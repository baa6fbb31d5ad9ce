package io.mcpplatform.core.catalog;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects field problems while input is checked, so a caller learns of every bad field at once.
 * Each check names the field as the caller spelled it.
 */
public final class FieldChecks {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private final List<FieldError> errors = new ArrayList<>();

  /** Adds a problem. */
  public void fail(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /**
   * @return the problems found so far
   */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /**
   * @throws ValidationException when any problem was found
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * Checks a text value's presence and length (in code points) and that it holds no control
   * characters.
   *
   * @return true when the value passed
   */
  public boolean text(String field, String value, boolean required, int min, int max) {
    if (value == null) {
      if (required) {
        fail(field, "is required");
        return false;
      }
      return true;
    }
    int length = value.codePointCount(0, value.length());
    if (required && value.isBlank()) {
      fail(field, "must not be blank");
      return false;
    }
    if (length < min || length > max) {
      fail(field, "must be " + min + " to " + max + " characters long (got " + length + ")");
      return false;
    }
    if (CONTROL.matcher(value).find()) {
      fail(field, "must not contain control characters");
      return false;
    }
    return unicode(field, value);
  }

  /**
   * Checks that a value is well-formed Unicode: no lone UTF-16 surrogate, which no UTF-8 file or
   * client can carry faithfully.
   *
   * @return true when the value passed (null passes)
   */
  public boolean unicode(String field, String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        fail(field, "must be valid Unicode (it holds a lone UTF-16 surrogate)");
        return false;
      }
    }
    return true;
  }

  /** Checks a value against a pattern, describing what is accepted. */
  public boolean matches(String field, String value, Pattern pattern, String accepted) {
    if (value != null && !pattern.matcher(value).matches()) {
      fail(field, "must be " + accepted);
      return false;
    }
    return true;
  }

  /**
   * Checks a remote URL: absolute, at most 2048 characters, no user info or fragment, and a scheme
   * the policy allows (https; http only to a loopback host under {@link
   * UrlPolicy#LOCAL_ALLOW_LOOPBACK_HTTP}).
   *
   * @return true when the URL passed
   */
  public boolean remoteUrl(String field, String value, UrlPolicy policy) {
    if (value == null) {
      fail(field, "is required");
      return false;
    }
    if (value.length() > 2048) {
      fail(field, "must be at most 2048 characters long");
      return false;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      fail(
          field, "must be an absolute URL such as https://example.com/mcp (" + e.getReason() + ")");
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || host.isEmpty()) {
      fail(field, "must be an absolute URL with a host, such as https://example.com/mcp");
      return false;
    }
    if (uri.getRawUserInfo() != null) {
      fail(field, "must not contain user information (credentials belong in headers)");
      return false;
    }
    if (uri.getRawFragment() != null) {
      fail(field, "must not contain a fragment");
      return false;
    }
    if (scheme.equals("https")) {
      return true;
    }
    if (scheme.equals("http")) {
      if (policy == UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP && isLoopbackHost(host)) {
        return true;
      }
      fail(
          field,
          policy == UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP
              ? "must use https (http is accepted only for loopback addresses such as 127.0.0.1 in local mode)"
              : "must use https");
      return false;
    }
    fail(field, "must use https (got scheme '" + scheme + "')");
    return false;
  }

  /**
   * Whether a URL host names the loopback interface, decided without a DNS lookup.
   *
   * @param host a URI host, IPv6 literals in brackets
   * @return true for localhost, 127.0.0.0/8 and ::1
   */
  public static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6Literal = h.contains(":") && h.matches("[0-9a-f:.]+");
    if (!ipv4Literal && !ipv6Literal) {
      return false;
    }
    try {
      return InetAddress.getByName(IDN.toASCII(h)).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
