package io.mcpplatform.maps;

import io.mcpplatform.core.catalog.ValidationException;
import io.mcpplatform.core.geo.GeocodeNotFoundException;
import io.mcpplatform.core.geo.GeocoderUnavailableException;
import io.mcpplatform.transport.ToolFailureMapper;

/**
 * What a maps tool tells its caller when it fails ({@code isError: true}): bad arguments name the
 * field, an unavailable geocoder says what to do (its messages never hold the key). Anything else
 * is left to the transport seam ("Internal error (ref ...)", logged).
 */
final class MapsFailures implements ToolFailureMapper {

  @Override
  public String describe(Exception failure) {
    if (failure instanceof ValidationException e) {
      return "Invalid arguments: " + e.getMessage();
    }
    if (failure instanceof GeocoderUnavailableException
        || failure instanceof GeocodeNotFoundException) {
      return failure.getMessage();
    }
    return null;
  }
}
