package io.mcpplatform.client;

import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The client's debug messages ({@code --verbose}), through SLF4J only when they are on: starting
 * SLF4J (binding, configuration from the class path) costs a short command 50-90 ms of cold code, a
 * quarter of the discovery budget, for messages that are off in every normal run.
 */
public final class DebugLog {

  private static volatile boolean enabled =
      levelIsDebug(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));

  private DebugLog() {}

  /** Turns debug messages on (sets SLF4J's simple logger to debug too). */
  public static void enable() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    enabled = true;
  }

  /**
   * @return whether debug messages are on
   */
  public static boolean enabled() {
    return enabled;
  }

  /**
   * @param where the class logging
   * @param format an SLF4J message format
   * @param arguments its arguments (a trailing throwable is logged with its stack)
   */
  public static void debug(Class<?> where, String format, Object... arguments) {
    if (enabled) {
      LoggerFactory.getLogger(where).debug(format, arguments);
    }
  }

  private static boolean levelIsDebug(String level) {
    String lower = level == null ? "" : level.toLowerCase(Locale.ROOT);
    return lower.equals("debug") || lower.equals("trace");
  }
}
