package io.mcpplatform.client.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the tools worth sending with a question, so that the model is not billed for every tool of
 * every matching server. The registry has already ranked the servers; this ranks their tools by the
 * words they share with the question (tool name counts double; words match on a common stem of five
 * letters after a plural {@code s}, so {@code located} meets {@code location} and {@code maps}
 * meets {@code map}), adds the server's relative registry score, and keeps the best ones, at most
 * {@code maxTools}. When no tool shares a word with the question, the top server's tools are kept
 * (up to the bound) and the model chooses.
 */
public final class ToolSelector {

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
          "get", "give", "how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "please",
          "show", "tell", "that", "the", "this", "to", "what", "when", "where", "which", "who",
          "why", "with", "you");

  private final int maxTools;

  /**
   * @param maxTools most tools to keep, at least 1
   */
  public ToolSelector(int maxTools) {
    if (maxTools < 1) {
      throw new IllegalArgumentException("maxTools must be at least 1");
    }
    this.maxTools = maxTools;
  }

  /**
   * A tool that might be sent.
   *
   * @param serverRank position of its server in the registry's ranking, 0 for the best
   * @param serverScore its server's score relative to the best server, 0-1
   * @param name the tool's own name
   * @param description the tool's description, nullable
   */
  public record Candidate(int serverRank, double serverScore, String name, String description) {}

  /**
   * @param question the user's question
   * @param candidates tools of the servers the registry found
   * @return the chosen candidates, best first
   */
  public List<Candidate> select(String question, List<Candidate> candidates) {
    return select(question, candidates, false);
  }

  /**
   * @param question the user's question
   * @param candidates tools of the servers the registry found
   * @param fill whether to fill the bound with the other tools, best server first, once those
   *     sharing words are in (when the servers were chosen for the question by the model, whose
   *     words the tools need not share: a search for "geocoding" reaches the tool {@code
   *     get_location})
   * @return the chosen candidates, best first
   */
  public List<Candidate> select(String question, List<Candidate> candidates, boolean fill) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    // plain loops and a Comparable, not streams and comparator lambdas: this runs once per process,
    // cold,
    // inside the discovery budget, where each new lambda shape costs the JVM a class to spin
    List<String> words = words(question);
    List<Scored> scored = new ArrayList<>();
    boolean anyMatch = false;
    int bestRank = Integer.MAX_VALUE;
    for (Candidate c : candidates) {
      double overlap =
          overlap(words, words(c.name()), 2.0) + overlap(words, words(c.description()), 1.0);
      scored.add(new Scored(c, overlap, overlap + c.serverScore()));
      anyMatch |= overlap > 0;
      bestRank = Math.min(bestRank, c.serverRank());
    }
    Collections.sort(scored);
    List<Candidate> chosen = new ArrayList<>();
    for (Scored s : scored) {
      if (chosen.size() == maxTools) {
        break;
      }
      // with no word in common, the top server's tools go and the model chooses
      if (anyMatch ? s.overlap() > 0 : s.candidate().serverRank() == bestRank) {
        chosen.add(s.candidate());
      }
    }
    for (int i = 0; fill && i < scored.size() && chosen.size() < maxTools; i++) {
      Candidate c = scored.get(i).candidate();
      if (!containsSame(chosen, c)) {
        chosen.add(c);
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * By identity: a record's generated {@code equals} costs a cold process a method-handle set-up.
   */
  private static boolean containsSame(List<Candidate> list, Candidate c) {
    for (Candidate other : list) {
      if (other == c) {
        return true;
      }
    }
    return false;
  }

  /** Best total first; on a tie, the better-ranked server first. */
  private record Scored(Candidate candidate, double overlap, double total)
      implements Comparable<Scored> {
    @Override
    public int compareTo(Scored other) {
      int byTotal = Double.compare(other.total, total);
      return byTotal != 0
          ? byTotal
          : Integer.compare(candidate.serverRank(), other.candidate.serverRank());
    }
  }

  private static double overlap(List<String> question, List<String> text, double weight) {
    if (text.isEmpty()) {
      return 0;
    }
    Set<String> stems = new HashSet<>();
    for (String w : text) {
      stems.add(stem(w));
    }
    double score = 0;
    for (String w : question) {
      if (stems.contains(stem(w))) {
        score += weight;
      }
    }
    return score;
  }

  private static String stem(String word) {
    String w = word;
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    return w.length() > 5 ? w.substring(0, 5) : w;
  }

  /**
   * The words of a text, lower-cased: runs of letters and digits, camelCase split ({@code
   * reverseGeocode}), stop words and one-letter words left out.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder word = new StringBuilder();
    int previous = ' ';
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!isWordChar(c)) {
        add(word, out);
      } else {
        if (c >= 'A'
            && c <= 'Z'
            && (previous >= 'a' && previous <= 'z' || previous >= '0' && previous <= '9')) {
          add(word, out);
        }
        word.appendCodePoint(Character.toLowerCase(c));
      }
      previous = c;
    }
    add(word, out);
    return out;
  }

  private static boolean isWordChar(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static void add(StringBuilder word, List<String> out) {
    if (word.length() >= 2 && !STOP.contains(word.toString())) {
      out.add(word.toString());
    }
    word.setLength(0);
  }
}
