package io.mcpplatform.maps;

import io.mcpplatform.core.geo.AddressComponent;
import io.mcpplatform.core.geo.GeocodeResult;
import io.mcpplatform.core.geo.Geocoder;
import java.util.List;

/**
 * Stands in for the offline gazetteer: answers every question with "{question} (offline)" in Paris.
 */
final class OfflineStub implements Geocoder {

  @Override
  public GeocodeResult geocode(String query, String language) {
    return new GeocodeResult(
        query + " (offline)",
        48.85,
        2.35,
        "geonames:2988507",
        null,
        List.of(new AddressComponent("Paris", null, List.of("locality"))),
        GeocodeResult.SOURCE_OFFLINE,
        null,
        null);
  }

  @Override
  public GeocodeResult reverse(double latitude, double longitude, String language) {
    return geocode("point", language);
  }
}
