package io.mcpplatform.core.geo;

import java.util.List;

final class Results {

  private Results() {}

  static GeocodeResult place(String address, String source) {
    return new GeocodeResult(
        address,
        48.85341,
        2.3488,
        "id:" + address,
        null,
        List.of(new AddressComponent(address, null, List.of("locality"))),
        source,
        null,
        null);
  }
}
