package io.mcpplatform.core.registry;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence, used to decide which published version is the latest, as
 * the official registry does: when both versions are semantic versions, precedence decides;
 * otherwise the newer publication wins.
 */
public final class SemanticVersion {

  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

  private SemanticVersion() {}

  /**
   * @return true when the text is a semantic version such as {@code 1.2.3-beta.1+build.5}
   */
  public static boolean isSemantic(String version) {
    return version != null && SEMVER.matcher(version).matches();
  }

  /**
   * Whether a newly published version becomes the latest one.
   *
   * @param candidate the version being published
   * @param current the latest version so far, nullable (none)
   * @return true when there is no current version, when either is not a semantic version (the newer
   *     publication wins), or when the candidate has higher precedence
   */
  public static boolean supersedes(String candidate, String current) {
    if (current == null || !isSemantic(candidate) || !isSemantic(current)) {
      return true;
    }
    return compare(candidate, current) > 0;
  }

  /**
   * @return the precedence order of two semantic versions (build metadata ignored)
   * @throws IllegalArgumentException when either is not a semantic version
   */
  public static int compare(String a, String b) {
    Matcher x = SEMVER.matcher(a);
    Matcher y = SEMVER.matcher(b);
    if (!x.matches() || !y.matches()) {
      throw new IllegalArgumentException("not a semantic version");
    }
    for (int i = 1; i <= 3; i++) {
      int c = new BigInteger(x.group(i)).compareTo(new BigInteger(y.group(i)));
      if (c != 0) {
        return c;
      }
    }
    String pa = x.group(4);
    String pb = y.group(4);
    if (pa == null || pb == null) {
      return pa == null ? (pb == null ? 0 : 1) : -1;
    }
    String[] ia = pa.split("\\.");
    String[] ib = pb.split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      int c = compareIdentifier(ia[i], ib[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  }
}
