package io.mcpplatform.client.cli;

import io.mcpplatform.client.llm.AnthropicBackend;
import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.OpenAiBackend;
import io.mcpplatform.client.llm.Prices;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and builds the model backend from options and the environment, in one place.
 *
 * <p>Backend: {@code --llm} or {@code MCP_LLM} ({@code anthropic} or {@code openai}); by default
 * Anthropic, or the OpenAI-compatible endpoint when only {@code OPENAI_BASE_URL} is set. Model:
 * {@code --model}, {@code MCP_MODEL}, then {@code OPENAI_MODEL} for OpenAI. Prices in US dollars
 * per million tokens: {@code --price-input}, {@code --price-output}, {@code --price-cache-read},
 * {@code --price-cache-write} or {@code MCP_PRICE_INPUT} and so on.
 */
final class LlmSettings {

  private LlmSettings() {}

  /** A required setting is missing; the message names the variable to set. */
  static final class MissingSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingSettingException(String message) {
      super(message);
    }
  }

  /**
   * Checks the settings now (a missing key fails at once); the backend itself is built on the first
   * model request ({@link LazyBackend}).
   *
   * @throws MissingSettingException when the chosen backend has no key
   * @throws Args.UsageException when an option is malformed
   */
  static LlmBackend backend(Args args, Map<String, String> env) {
    String kind = first(args.option("llm"), env.get("MCP_LLM"));
    if (kind == null) {
      boolean anthropicKey =
          present(env, "ANTHROPIC_API_KEY") || present(env, "ANTHROPIC_AUTH_TOKEN");
      kind = !anthropicKey && present(env, "OPENAI_BASE_URL") ? "openai" : "anthropic";
    }
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "anthropic" -> {
        if (!present(env, "ANTHROPIC_API_KEY") && !present(env, "ANTHROPIC_AUTH_TOKEN")) {
          throw new MissingSettingException(
              "No Anthropic API key: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL"
                  + " for a gateway or proxy), or use a local OpenAI-compatible model server with OPENAI_BASE_URL"
                  + " (for example http://127.0.0.1:11434/v1 for Ollama).");
        }
        String model =
            first(args.option("model"), env.get("MCP_MODEL"), AnthropicBackend.DEFAULT_MODEL);
        Prices prices = prices(args, env, Prices.CLAUDE_SONNET);
        return new LazyBackend(
            model, prices, () -> AnthropicBackend.fromEnvironment(env, model, prices));
      }
      case "openai" -> {
        String base = first(env.get("OPENAI_BASE_URL"), OpenAiBackend.DEFAULT_BASE_URL);
        String key = env.get("OPENAI_API_KEY");
        boolean hosted = base.contains("api.openai.com");
        if (hosted && (key == null || key.isBlank())) {
          throw new MissingSettingException(
              "No OpenAI API key: set OPENAI_API_KEY, or set OPENAI_BASE_URL to a"
                  + " local OpenAI-compatible server (no key needed).");
        }
        String model =
            first(
                args.option("model"),
                env.get("MCP_MODEL"),
                env.get("OPENAI_MODEL"),
                OpenAiBackend.DEFAULT_MODEL);
        Prices prices = prices(args, env, Prices.FREE);
        return new LazyBackend(model, prices, () -> new OpenAiBackend(base, key, model, prices));
      }
      default -> throw new Args.UsageException("--llm must be 'anthropic' or 'openai'");
    }
  }

  static Prices prices(Args args, Map<String, String> env, Prices defaults) {
    return new Prices(
        price(args, env, "input", defaults.input()),
        price(args, env, "output", defaults.output()),
        price(args, env, "cache-read", defaults.cacheRead()),
        price(args, env, "cache-write", defaults.cacheWrite()));
  }

  private static double price(Args args, Map<String, String> env, String name, double fallback) {
    String variable = "MCP_PRICE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    String raw = first(args.option("price-" + name), env.get(variable));
    if (raw == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (value >= 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new Args.UsageException(
        "--price-"
            + name
            + " / "
            + variable
            + " must be a non-negative number (US dollars per million tokens)");
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
