package io.mcpplatform.transport;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;

/** Lets tests in sub-packages use the shared test tools. */
public final class TestToolsAccess {

  private TestToolsAccess() {}

  public static SyncToolSpecification echo() {
    return TestTools.echo();
  }
}
