package io.mcpplatform.registry;

import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.EntryNotFoundException;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the registry's domain exceptions into tool results with {@code isError: true}, in one place. */
final class ToolErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ToolErrors.class);

  private ToolErrors() {}

  static CallToolResult guard(String tool, Supplier<CallToolResult> call) {
    try {
      return call.get();
    } catch (ValidationException e) {
      return error("Invalid arguments for " + tool + ": " + e.getMessage());
    } catch (EntryNotFoundException | ConflictException e) {
      return error(e.getMessage());
    } catch (StoreUnavailableException e) {
      String ref = UUID.randomUUID().toString();
      LOG.error("{} failed: store unavailable (ref {})", tool, ref, e);
      return error("The registry's storage is unavailable right now; try again shortly (ref " + ref + ")");
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString();
      LOG.error("{} failed (ref {})", tool, ref, e);
      return error("Internal error (ref " + ref + ")");
    }
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
