package io.mcpplatform.core.search;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Health;
import io.mcpplatform.core.catalog.HealthStatus;
import io.mcpplatform.core.catalog.LifecycleStatus;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.catalog.ServerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Realistic catalog entries for search tests. */
final class Entries {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Entries() {}

  static Builder entry(String name) {
    return new Builder(name);
  }

  static Capability tool(String name, String description) {
    return new Capability(name, Capability.TOOL, description);
  }

  static Capability resource(String name, String description) {
    return new Capability(name, Capability.RESOURCE, description);
  }

  /** A small catalog: weather, maps and geocoding, GitHub, databases and a few others. */
  static List<ServerEntry> catalog() {
    return List.of(
        entry("weather-api")
            .title("Weather API")
            .description("Current weather conditions and a multi-day weather forecast for any city")
            .tags("weather", "forecast")
            .tools(
                tool("get_forecast", "Get the weather forecast for a location"),
                tool("get_current_weather", "Current temperature, wind and humidity"))
            .updated(5)
            .build(),
        entry("noaa-alerts")
            .title("NOAA Alerts")
            .description("Severe weather alerts issued by the national weather service")
            .tags("weather", "alerts")
            .tools(tool("list_alerts", "List active alerts for a state"))
            .updated(4)
            .build(),
        entry("sales-forecast")
            .title("Sales Forecast")
            .description("Revenue forecast models for sales teams")
            .tags("finance")
            .tools(tool("forecast_revenue", "Forecast next quarter revenue"))
            .updated(3)
            .build(),
        entry("google-maps")
            .title("Google Maps")
            .description("Geocoding, reverse geocoding and place lookup backed by Google Maps")
            .tags("maps", "geo")
            .tools(
                tool("get_location", "Get coordinates and address for a place name"),
                tool("reverse_geocode", "Turn coordinates into an address"))
            .updated(6)
            .build(),
        entry("osm-geocoder")
            .title("OpenStreetMap Geocoder")
            .description("Geocode addresses with OpenStreetMap Nominatim")
            .tags("maps")
            .tools(
                tool("geocode", "Find coordinates of an address"),
                tool("search_places", "Search places near a point"))
            .updated(2)
            .build(),
        entry("github")
            .title("GitHub")
            .description("Issues, pull requests and repositories on GitHub")
            .tags("dev", "git")
            .tools(
                tool("create_issue", "Open a new issue in a repository"),
                tool("list_pull_requests", "List open pull requests of a repository"),
                tool("search_repositories", "Search repositories by keyword"))
            .updated(7)
            .build(),
        entry("postgres-db")
            .title("PostgreSQL")
            .description("Query PostgreSQL databases with read-only SQL")
            .tags("database", "sql")
            .tools(
                tool("run_query", "Run a read-only SQL query"), tool("list_tables", "List tables"))
            .resources(resource("schema", "The database schema"))
            .updated(1)
            .build(),
        entry("sqlite-explorer")
            .title("SQLite Explorer")
            .description("Browse SQLite database files")
            .tags("database")
            .resources(resource("tables", "Tables of the open database file"))
            .updated(1)
            .build(),
        entry("zurich-transit")
            .title("Zürich Transit")
            .description("Timetables for trams and buses in Zürich")
            .tags("transport")
            .tools(tool("next_departures", "Next departures from a stop"))
            .updated(0)
            .build());
  }

  /** Builds a {@link ServerEntry} with sensible defaults. */
  static final class Builder {
    private final String name;
    private String title;
    private String description;
    private List<String> tags = List.of();
    private final List<Capability> capabilities = new ArrayList<>();
    private List<Capability> discovered = List.of();
    private HealthStatus health = HealthStatus.HEALTHY;
    private LifecycleStatus status = LifecycleStatus.ACTIVE;
    private Instant updatedAt = T0;

    private Builder(String name) {
      this.name = name;
      this.title = name;
    }

    Builder title(String value) {
      title = value;
      return this;
    }

    Builder description(String value) {
      description = value;
      return this;
    }

    Builder tags(String... values) {
      tags = List.of(values);
      return this;
    }

    Builder tools(Capability... values) {
      capabilities.addAll(List.of(values));
      return this;
    }

    Builder resources(Capability... values) {
      capabilities.addAll(List.of(values));
      return this;
    }

    Builder discovered(Capability... values) {
      discovered = List.of(values);
      return this;
    }

    Builder health(HealthStatus value) {
      health = value;
      return this;
    }

    Builder status(LifecycleStatus value) {
      status = value;
      return this;
    }

    /**
     * @param minutes minutes after {@link #T0}
     */
    Builder updated(int minutes) {
      updatedAt = T0.plusSeconds(60L * minutes);
      return this;
    }

    ServerEntry build() {
      return ServerEntry.builder(name, title, "1.0.0")
          .description(description)
          .remotes(
              List.of(
                  new Remote(Remote.STREAMABLE_HTTP, "https://" + name + ".example.com/mcp", null)))
          .tags(tags)
          .capabilities(capabilities)
          .discoveredCapabilities(discovered)
          .health(new Health(health, null, null, null, 0, null))
          .status(status)
          .publishedAt(T0)
          .updatedAt(updatedAt)
          .revision(1)
          .build();
    }
  }
}
