package io.mcpplatform.client.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the tools worth sending with a question, so that the model is not billed for every tool of
 * every matching server. The registry has already ranked the servers; this ranks their tools by the
 * words they share with the question (tool name counts double; words match on a common stem of five
 * letters after a plural {@code s}, so {@code located} meets {@code location} and {@code maps} meets
 * {@code map}), adds the server's relative registry score, and keeps the best ones, at most
 * {@code maxTools}. When no tool shares a word with the question, the top server's tools are kept (up to
 * the bound) and the model chooses.
 */
public final class ToolSelector {

  private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do",
      "does", "for", "from", "get", "give", "how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "please",
      "show", "tell", "that", "the", "this", "to", "what", "when", "where", "which", "who", "why", "with", "you");

  private final int maxTools;

  /** @param maxTools most tools to keep, at least 1 */
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
  public record Candidate(int serverRank, double serverScore, String name, String description) {
  }

  /**
   * @param question the user's question
   * @param candidates tools of the servers the registry found
   * @return the chosen candidates, best first
   */
  public List<Candidate> select(String question, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> words = words(question);
    List<Scored> scored = new ArrayList<>();
    for (Candidate c : candidates) {
      double overlap = overlap(words, words(c.name()), 2.0) + overlap(words, words(c.description()), 1.0);
      scored.add(new Scored(c, overlap, overlap + c.serverScore()));
    }
    scored.sort(Comparator.comparingDouble(Scored::total).reversed()
        .thenComparingInt(s -> s.candidate().serverRank()));
    List<Scored> matching = scored.stream().filter(s -> s.overlap() > 0).toList();
    if (matching.isEmpty()) {
      int best = scored.stream().mapToInt(s -> s.candidate().serverRank()).min().orElse(0);
      return scored.stream().filter(s -> s.candidate().serverRank() == best).limit(maxTools)
          .map(Scored::candidate).toList();
    }
    return matching.stream().limit(maxTools).map(Scored::candidate).toList();
  }

  private record Scored(Candidate candidate, double overlap, double total) {
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

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    // split camelCase and snake_case: reverseGeocode, reverse_geocode
    String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    for (String w : spaced.split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 2 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
