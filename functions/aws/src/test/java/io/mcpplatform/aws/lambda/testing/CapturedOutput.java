package io.mcpplatform.aws.lambda.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standard output and standard error captured around a piece of code, where a Lambda function's
 * JSON log lines and embedded-metric-format lines go.
 */
public final class CapturedOutput {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String text;

  private CapturedOutput(String text) {
    this.text = text;
  }

  /** Code that may throw. */
  @FunctionalInterface
  public interface Action {
    /**
     * @throws Exception whatever the code throws
     */
    void run() throws Exception;
  }

  /**
   * @param action the code whose output to capture
   * @return everything it wrote to standard output and standard error
   * @throws Exception what the action threw
   */
  public static CapturedOutput of(Action action) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      action.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new CapturedOutput(bytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * @return all of it
   */
  public String text() {
    return text;
  }

  /**
   * @return every line, each parsed as JSON (a line that is not JSON fails the test)
   */
  public List<JsonNode> jsonLines() {
    List<JsonNode> lines = new ArrayList<>();
    text.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(JSON.readTree(line)));
    return lines;
  }

  /**
   * @return the log lines: JSON lines that are not embedded-metric-format documents
   */
  public List<JsonNode> logLines() {
    return jsonLines().stream().filter(line -> !line.has("_aws")).toList();
  }

  /**
   * @return the embedded-metric-format documents
   */
  public List<JsonNode> metricLines() {
    return jsonLines().stream().filter(line -> line.has("_aws")).toList();
  }
}
