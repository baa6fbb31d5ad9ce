package io.mcpplatform.core.geo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One part of an address, as Google names it ({@code address_components[]}).
 *
 * @param longName the full name ({@code Texas})
 * @param shortName the abbreviation or code ({@code TX}), the long name when there is none
 * @param types what the part is ({@code locality}, {@code administrative_area_level_1}, {@code
 *     country}...)
 */
public record AddressComponent(
    @JsonProperty("longName") String longName,
    @JsonProperty("shortName") String shortName,
    @JsonProperty("types") List<String> types) {

  public AddressComponent {
    Objects.requireNonNull(longName, "longName");
    shortName = shortName == null || shortName.isBlank() ? longName : shortName;
    types = types == null ? List.of() : List.copyOf(types);
  }
}
