package io.mcpplatform.registry;

import io.mcpplatform.core.access.PermissionDeniedException;
import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.limits.RateLimitedException;
import io.mcpplatform.core.registry.VersionExistsException;
import io.mcpplatform.core.registry.VersionNotFoundException;
import io.mcpplatform.core.store.ConflictException;
import io.mcpplatform.core.store.EntryNotFoundException;
import io.mcpplatform.core.store.StoreUnavailableException;
import io.mcpplatform.registry.auth.AuthenticationException;
import io.mcpplatform.transport.ToolFailureMapper;

/**
 * What a registry tool tells its caller when it fails: the registry's domain exceptions become
 * clear messages; anything else is left to the transport seam ("Internal error (ref ...)", logged).
 */
final class RegistryFailures implements ToolFailureMapper {

  @Override
  public String describe(Exception failure) {
    if (failure instanceof ValidationException e) {
      return "Invalid arguments: " + e.getMessage();
    }
    if (failure instanceof EntryNotFoundException
        || failure instanceof ConflictException
        || failure instanceof VersionExistsException
        || failure instanceof VersionNotFoundException
        || failure instanceof RateLimitedException) {
      return failure.getMessage();
    }
    if (failure instanceof AuthenticationException) {
      return "Unauthorized: " + failure.getMessage();
    }
    if (failure instanceof PermissionDeniedException) {
      return "Forbidden: " + failure.getMessage();
    }
    if (failure instanceof StoreUnavailableException) {
      return "The registry's storage is unavailable right now; try again shortly";
    }
    return null;
  }
}
