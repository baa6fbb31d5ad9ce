package io.mcpplatform.client.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line words split into the command, its positional words and {@code --option value} pairs.
 * An option the client does not know is a usage error naming it, so a mistyped option is never
 * taken for another or swallows the word after it.
 */
final class Args {

  /** Options that take no value. */
  private static final Set<String> FLAGS = Set.of("json", "help", "verbose", "all");

  /** Options that take a value. */
  private static final Set<String> VALUED =
      Set.of(
          "registry",
          "registry-token",
          "limit",
          "llm",
          "model",
          "max-tools",
          "max-servers",
          "max-result-chars",
          "max-rounds",
          "max-tokens",
          "min-score",
          "search-rounds",
          "price-input",
          "price-output",
          "price-cache-read",
          "price-cache-write",
          "config",
          "search",
          "input");

  final String command;
  final List<String> positional;
  final Map<String, String> options;

  private Args(String command, List<String> positional, Map<String, String> options) {
    this.command = command;
    this.positional = positional;
    this.options = options;
  }

  static Args parse(String[] argv) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    boolean onlyPositional = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
        positional.add(a);
      } else if (a.equals("--")) {
        onlyPositional = true;
      } else if (a.equals("-h")) {
        options.put("help", "true");
      } else if (a.equals("-v")) {
        options.put("verbose", "true");
      } else if (!a.startsWith("--")) {
        throw new UsageException(
            "Unknown option " + a + " (the short options are -h and -v; see ./mcp --help)");
      } else {
        String name = a.substring(2);
        int eq = name.indexOf('=');
        String bare = eq >= 0 ? name.substring(0, eq) : name;
        if (!FLAGS.contains(bare) && !VALUED.contains(bare)) {
          throw new UsageException("Unknown option --" + bare + " (see ./mcp --help)");
        }
        if (eq > 0) {
          options.put(bare, name.substring(eq + 1));
        } else if (FLAGS.contains(name)) {
          options.put(name, "true");
        } else if (i + 1 < argv.length) {
          options.put(name, argv[++i]);
        } else {
          throw new UsageException("Option --" + name + " needs a value");
        }
      }
    }
    String command = positional.isEmpty() ? null : positional.remove(0);
    return new Args(command, positional, options);
  }

  boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  String option(String name) {
    return options.get(name);
  }

  int intOption(String name, int fallback, int min, int max) {
    String raw = options.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max);
  }

  /**
   * @param name the option
   * @param env the environment
   * @param variable the environment variable read when the option is absent
   * @param fallback the value when neither is given
   * @return a number from 0 to 1
   */
  double fraction(String name, Map<String, String> env, String variable, double fallback) {
    String raw = options.containsKey(name) ? options.get(name) : env.get(variable);
    if (raw == null || raw.isBlank() && !options.containsKey(name)) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageException("--" + name + " / " + variable + " must be a number from 0 to 1");
  }

  /** A command line that cannot be run as given. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
